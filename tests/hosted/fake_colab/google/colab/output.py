"""The one function of ``google.colab.output`` that the series calls."""

#: How often the custom widget manager was enabled in this kernel (the test reads nothing
#: else; in Colab the call tells the page to load third-party widgets).
enabled = 0


def enable_custom_widget_manager() -> None:
    """Record the call, as Colab's page would act on it."""
    global enabled
    enabled += 1

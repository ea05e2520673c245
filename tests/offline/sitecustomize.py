"""Started by every Python process of the test run whose PYTHONPATH holds this folder.

conftest.py puts this folder on PYTHONPATH and sets MNIST_TUTORIAL_OFFLINE=1 before nbval
starts the notebook kernels, so the kernels run with the network blocked too.
"""

import os

if os.environ.get("MNIST_TUTORIAL_OFFLINE") == "1":
    import offline_guard

    offline_guard.block_network()

"""Self-checks of lesson 16's exercise (see helpers.exercises)."""

from __future__ import annotations

from helpers.exercises import Exercise, close_to, equal_to, sequence_of

EXERCISES = (
    Exercise(
        key="16-1",
        asks_for=(
            "a pair (q_pixel, probability): the int8 value the full-integer copy's input gives a "
            "pixel of 0.25, an int, and the probability its output q = 100 means, a float"
        ),
        # input: scale 1/255 (in float32, a hair above), zero-point -128: round(0.25 * 255) - 128
        # = round(63.75) - 128 = -64. Output: scale 1/256, zero-point -128: (100 + 128) / 256 =
        # 0.890625. The wrong answers: truncating instead of rounding (-65), forgetting the
        # zero-point (64; 100 / 256 = 0.390625), the signs turned ((100 - 128) / 256 = -0.109375).
        is_right=sequence_of(equal_to(-64), close_to(0.890625, abs_=0.001)),
        hint=(
            "Input: q = round(x / scale) + zero_point with the input's (scale, zero_point), "
            "about (1/255, -128): round(0.25 * 255) is 64. Output: probability = (q - "
            "zero_point) * scale with the output's (1/256, -128)."
        ),
        reference=(-64, 0.890625),
        wrong=((-65, 0.890625), (64, 0.890625), (-64, 0.390625), (-64, -0.109375), (-64,)),
    ),
    Exercise(
        key="16-2",
        asks_for=(
            "a pair (scale, zero_point): the input scale, a float, and zero-point, an int, of the "
            "full-integer copy of served (the model with Rescaling(1 / 255) inside)"
        ),
        # raw pixels 0..255 map onto int8 -128..127: 256 levels for 255 steps of the range, so
        # the scale is 255 / 255 = 1.0 and 0 becomes -128 (q = raw pixel - 128). Wrong answers:
        # the scaled model's (1/255, -128), a zero-point of 0, the scale inverted (255).
        is_right=sequence_of(close_to(1.0, abs_=0.01), equal_to(-128)),
        hint=(
            "Convert with representative_images=x_train_raw[:500].astype('float32') (raw pixels, "
            "0 to 255), then read TFLiteClassifier(path).input_quantization. The 256 int8 values "
            "-128 to 127 cover the 256 raw pixel values 0 to 255."
        ),
        reference=(1.0, -128),
        wrong=((1 / 255, -128), (1.0, 0), (255.0, -128), (1.0, 127), (1.0,)),
    ),
)

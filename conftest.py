"""Test-run settings for the unit tests and for the notebook kernels that nbval starts.

This runs before any kernel starts, so the kernels inherit it: TensorFlow's log noise is
silenced and the network is blocked, here and in every kernel (see tests/offline).
"""

import offline_guard

offline_guard.configure_test_environment()
offline_guard.block_network()

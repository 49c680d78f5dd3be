"""Simulated needle EMG and nerve-conduction signals: pure numpy, deterministic under a seed.

The lab page only draws and plays what these modules compute. Voltages are in microvolts with
the electrophysiology sign convention (negative is drawn upward); times are in seconds unless a
name says ``_ms``.
"""

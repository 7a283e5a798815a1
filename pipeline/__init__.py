"""ITA PDF → Parquet pipeline: orchestration, stages that need I/O, and loading."""
__version__ = "0.1.0"

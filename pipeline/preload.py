"""Imported by the worker forkserver (pipeline/executor.py): what is loaded here, every worker shares."""
from pipeline.process import warm_up

warm_up()

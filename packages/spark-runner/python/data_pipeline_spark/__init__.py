"""Runs HiveQL scripts on Apache Spark with Hive support, the way `hive -f` runs them on EMR.

Only the session modules import pyspark; splitting and variable substitution are plain Python.
"""

"""Runs spark-sql and hive command lines on Apache Spark with Hive support, the way an EMR step runs them.

Only the session modules import pyspark; splitting and variable substitution are plain Python.
"""

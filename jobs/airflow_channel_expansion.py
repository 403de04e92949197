"""Airflow DAG: run Channel Expansion nightly, then wait for the report's _SUCCESS marker.

The exit code alone is not trusted (schedulers have misread spark-submit's status): downstream
tasks wait for reports/as_of=<ds>/_SUCCESS, which the job writes last, inside a folder that only
appears whole. Exit codes are in docs/operations.md; 5 (lock held) means another run is going.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.sensors.filesystem import FileSensor

REPORTS = "/data/reports"

with DAG(
    dag_id="channel_expansion_nightly",
    schedule="15 2 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=10)},
) as dag:
    nightly = BashOperator(
        task_id="nightly",
        # as-of = the data interval's date, so a rerun of an old night reports that night.
        bash_command=(
            "cd /opt/channel-expansion && jobs/channel-expansion nightly --as-of {{ ds }} "
            "--input /data/exports --reference /data/reference --config /data/config "
            f"--warehouse /data/warehouse --reports {REPORTS}"
        ),
    )
    report_published = FileSensor(
        task_id="report_published",
        filepath=REPORTS + "/as_of={{ ds }}/_SUCCESS",
        poke_interval=30,
        timeout=600,
    )
    nightly >> report_published

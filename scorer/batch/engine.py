"""Where the partitions are scored: in this process, on local worker processes, or on a Dask cluster.

Both engines take partitions from an iterator only as fast as workers free up (a bounded number in flight),
and hand back results in the order they finish. The Dask engine sends each partition inside its task rather
than scattering it to one worker: when a worker dies, the scheduler still holds the data and reruns the task
elsewhere (dask.distributed retries a task whose worker died up to `distributed.scheduler.allowed-failures`
times, then gives up on it with KilledWorker, which we report as a failed partition).
"""

from __future__ import annotations

import logging
import os
from typing import Callable, Iterable, Iterator

from scorer.errors import ScorerError

Failure = BaseException | None


class InProcessEngine:
    """No Dask: every partition in this process, one after the other (`--workers 0`, and the tests' reference)."""

    workers = 1
    description = "in this process"  # completes "N partitions ..."

    def map_unordered(self, func: Callable, items: Iterable, *args) -> Iterator[tuple[object, object, Failure]]:
        for item in items:
            try:
                yield item, func(item, *args), None
            except Exception as exc:  # noqa: BLE001  reported as a failed partition, like a task error on Dask
                yield item, None, exc

    def close(self) -> None:
        pass


class DaskEngine:
    def __init__(self, client, cluster=None, description: str = ""):
        self.client = client
        self.cluster = cluster
        self.description = description

    @classmethod
    def local(cls, workers: int | None = None) -> "DaskEngine":
        """A LocalCluster of `workers` processes (default: the CPU count), one thread each: scoring is pure
        Python, so threads would share one interpreter lock; processes do not."""
        from distributed import Client, LocalCluster

        _keep_no_message_log()
        workers = workers or os.cpu_count() or 1
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
        return cls(client, cluster, f"on {workers} local worker process{'es' if workers != 1 else ''}")

    @classmethod
    def connect(cls, address: str, timeout: float = 30.0) -> "DaskEngine":
        from distributed import Client

        _reachable(address)
        _keep_no_message_log()
        try:
            client = Client(address, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise ScorerError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        engine = cls(client, None, f"on the Dask cluster at {address}")
        engine.check_workers()
        return engine

    @property
    def workers(self) -> int:
        """Threads across the cluster: how many partitions can be scored at once."""
        return max(1, sum(self.client.nthreads().values()))

    def check_workers(self) -> None:
        """Every worker must run the scorer this driver runs, or the same input would score differently."""
        from scorer import __version__

        try:
            versions = self.client.run(_scorer_version)
        except Exception as exc:  # noqa: BLE001  a worker that cannot import scorer fails in its own way
            raise ScorerError(f"the Dask workers cannot run scorer ({type(exc).__name__}: {exc}); install "
                              "scorer on every worker") from None
        if not versions:
            raise ScorerError("the Dask cluster has no workers")
        other = {address: v for address, v in versions.items() if v != __version__}
        if other:
            address, version = next(iter(other.items()))
            raise ScorerError(f"Dask worker {address} runs scorer {version}, this machine {__version__}; "
                              "install the same version everywhere")

    def map_unordered(self, func: Callable, items: Iterable, *args) -> Iterator[tuple[object, object, Failure]]:
        """(item, result, None) or (item, None, exception) for each item, in the order they finish."""
        from distributed import as_completed

        limit = 2 * self.workers  # enough to keep every worker busy while results travel back, no more
        pending = as_completed()
        by_key: dict[str, object] = {}
        source = iter(items)

        def submit_next() -> bool:
            item = next(source, None)
            if item is None:
                return False
            future = self.client.submit(func, item, *args, pure=False)
            by_key[future.key] = item
            pending.add(future)
            return True

        while len(by_key) < limit and submit_next():
            pass
        for future in pending:
            item = by_key.pop(future.key)
            try:
                result, error = future.result(), None
            except Exception as exc:  # noqa: BLE001  KilledWorker or a task error: a failed partition
                result, error = None, exc
            future.release()
            yield item, result, error
            while len(by_key) < limit and submit_next():
                pass

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


def _keep_no_message_log() -> None:
    """Dask keeps the last `distributed.admin.low-level-log-length` (1,000) messages of each connection for
    debugging, and a task's message holds its partition: kept, they made the driver (client and LocalCluster
    scheduler) grow by a partition per task, up to a gigabyte a worker. Set before any connection is made.
    A remote scheduler reads its own configuration: set it to a small number there too (see the README)."""
    import dask

    dask.config.set({"distributed.admin.low-level-log-length": 4})


def _reachable(address: str) -> None:
    """A refused or unroutable address fails in a second, rather than after Dask's retries for `timeout`."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme not in ("tcp", "tls"):
        return  # other transports (inproc, ucx) are Dask's to check
    try:
        port = parts.port
    except ValueError:
        port = None
    if not parts.hostname or port is None:
        raise ScorerError(f"--scheduler {address}: expected tcp://HOST:PORT")
    try:
        socket.create_connection((parts.hostname, port), timeout=5.0).close()
    except OSError as exc:
        raise ScorerError(f"cannot reach the Dask scheduler at {address}: {exc.strerror or exc}") from None


def _scorer_version() -> str:
    from scorer import __version__

    return __version__

"""How much memory this process may still take: the least of what the machine has free,
what a container's memory limit leaves, and what an address-space limit (ulimit -v) leaves.
The load stage refuses an image that would need more, rather than be killed part-way or
take the machine's memory from every other worker."""

from __future__ import annotations

import resource
from pathlib import Path

# Measured: reading a page takes about 20 bytes per pixel at its peak (the RGB image, its
# grey and binary copies, the upscaled copy OCR reads, the table-rule masks).
PEAK_BYTES_PER_PIXEL = 20


def _meminfo(field: str, path: Path = Path("/proc/meminfo")) -> int | None:
    try:
        for line in path.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _cgroup_headroom() -> int | None:
    """What the cgroup v2 memory limit (a container's) leaves, where one is set."""
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        if limit == "max":
            return None
        used = int(Path("/sys/fs/cgroup/memory.current").read_text())
        return max(0, int(limit) - used)
    except (OSError, ValueError):
        return None


def _address_space_headroom() -> int | None:
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return None
    used = _meminfo("VmSize", Path("/proc/self/status"))
    return None if used is None else max(0, soft - used)


def available_bytes() -> int | None:
    """The memory this process can still use, or None where nothing can tell."""
    found = [value for value in (_meminfo("MemAvailable"), _cgroup_headroom(),
                                 _address_space_headroom()) if value is not None]
    return min(found) if found else None


def needed_bytes(width: int, height: int) -> int:
    return width * height * PEAK_BYTES_PER_PIXEL

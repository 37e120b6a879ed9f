package herd.loadgen;

import java.time.Duration;
import java.util.List;

/** CPU time of the herd's processes on this machine, as the operating system counts it. */
final class HerdCpu {

    private HerdCpu() {
    }

    /** The CPU time (user and system) the processes have used so far, in nanoseconds; a process gone counts 0. */
    static long nanos(List<Long> pids) {
        return pids.stream().mapToLong(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                .map(Duration::toNanos).orElse(0L)).sum();
    }
}

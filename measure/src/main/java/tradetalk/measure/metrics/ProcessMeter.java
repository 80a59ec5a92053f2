package tradetalk.measure.metrics;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the whole JVM spent between two readings: wall time, CPU time of the process (every thread, native code
 * included), garbage collection and JIT compilation, and the CPU time of the live threads grouped by name (digits
 * dropped, so a pool's threads add up). CPU time is the steadier figure when other processes load the machine: it
 * counts the work done, not the waiting for a core. Readings cost a few microseconds (the thread breakdown a few
 * per thread).
 */
public final class ProcessMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The group of CPU time no live Java thread accounts for: GC and JIT threads, and threads that ended. */
    public static final String JVM_THREADS = "(jvm: gc, jit, ended threads)";

    private ProcessMeter() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * A reading.
     *
     * @param wallNanos    {@link System#nanoTime()}
     * @param cpuNanos     CPU time of the process (user + system), or -1 when the JVM cannot tell
     * @param gcCount      collections so far
     * @param gcMillis     time the collectors report (pauses and concurrent work)
     * @param jitMillis    time spent compiling, or -1 when the JVM cannot tell
     * @param threadsNanos CPU time of each live thread group (empty unless read with threads)
     */
    public record Reading(
            long wallNanos,
            long cpuNanos,
            long gcCount,
            long gcMillis,
            long jitMillis,
            Map<String, Long> threadsNanos) {

        public Reading {
            threadsNanos = Map.copyOf(threadsNanos);
        }

        /** What was spent from {@code earlier} to this reading (thread groups: those with time spent, by name). */
        public Reading since(Reading earlier) {
            Map<String, Long> threads = new TreeMap<>();
            threadsNanos.forEach((k, v) -> {
                long d = v - earlier.threadsNanos().getOrDefault(k, 0L);
                if (d > 0) {
                    threads.put(k, d);
                }
            });
            long cpu = cpuNanos < 0 || earlier.cpuNanos() < 0 ? -1 : cpuNanos - earlier.cpuNanos();
            if (!threads.isEmpty() && cpu >= 0) {
                // the JVM's own threads (GC, JIT compilers) are not Java threads: what the Java threads do not
                // account for (also the time of threads that ended in between)
                long java = threads.values().stream().mapToLong(Long::longValue).sum();
                threads.put(JVM_THREADS, Math.max(0, cpu - java));
            }
            return new Reading(
                    wallNanos - earlier.wallNanos(),
                    cpu,
                    gcCount - earlier.gcCount(),
                    gcMillis - earlier.gcMillis(),
                    jitMillis < 0 || earlier.jitMillis() < 0 ? -1 : jitMillis - earlier.jitMillis(),
                    threads);
        }

        /** Wall milliseconds. */
        public double wallMs() {
            return wallNanos / 1e6;
        }

        /** Process CPU milliseconds (-1 when unknown). */
        public double cpuMs() {
            return cpuNanos < 0 ? -1 : cpuNanos / 1e6;
        }

        /** Cores kept busy on average: CPU time over wall time (-1 when unknown). */
        public double cores() {
            return cpuNanos < 0 || wallNanos <= 0 ? -1 : (double) cpuNanos / wallNanos;
        }

        /** A stable map for reports (milliseconds rounded to 0.1; thread groups only when read with threads). */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("wall_ms", round1(wallMs()));
            m.put("cpu_ms", round1(cpuMs()));
            m.put("cores", Math.round(cores() * 100) / 100.0);
            m.put("gc_count", gcCount);
            m.put("gc_ms", gcMillis);
            m.put("jit_ms", jitMillis);
            if (!threadsNanos.isEmpty()) {
                Map<String, Object> t = new LinkedHashMap<>();
                threadsNanos.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(e -> t.put(e.getKey(), round1(e.getValue() / 1e6)));
                m.put("thread_cpu_ms", t);
            }
            return m;
        }

        @Override
        public String toString() {
            return toMap().toString();
        }
    }

    /** Reads the process totals, without the thread breakdown. */
    public static Reading read() {
        return read(false);
    }

    /** Reads the process totals and, when {@code threads}, the CPU time of every live thread grouped by name. */
    public static Reading read(boolean threads) {
        Map<String, Long> byGroup = new TreeMap<>();
        if (threads && THREADS.isThreadCpuTimeSupported()) {
            // names without stack traces (depth 0): no safepoint, no stack walks
            for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
                long ns = t == null ? -1 : THREADS.getThreadCpuTime(t.getThreadId());
                if (ns > 0) {
                    byGroup.merge(group(t.getThreadName()), ns, Long::sum);
                }
            }
        }
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        return new Reading(System.nanoTime(), processCpuNanos(), gcCount, gcMillis, jitMillis, byGroup);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    /** A thread's group: its name with runs of digits replaced by {@code #} ("pool-3-thread-1" → "pool-#-thread-#"). */
    static String group(String threadName) {
        return threadName.replaceAll("[0-9]+", "#");
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

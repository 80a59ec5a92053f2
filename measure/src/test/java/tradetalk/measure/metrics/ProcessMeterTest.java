package tradetalk.measure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the process spent between two readings, by thread group. */
class ProcessMeterTest {

    @Test
    void given_a_pool_thread_name_when_grouped_then_its_numbers_are_dropped() {
        assertThat(ProcessMeter.group("pool-3-thread-12")).isEqualTo("pool-#-thread-#");
        assertThat(ProcessMeter.group("main")).isEqualTo("main");
    }

    @Test
    void given_two_readings_when_subtracted_then_totals_and_groups_are_what_was_spent_between_them() {
        ProcessMeter.Reading before =
                new ProcessMeter.Reading(1_000, 5_000_000, 2, 10, 100, Map.of("main", 1_000_000L, "idle", 7L));
        ProcessMeter.Reading after = new ProcessMeter.Reading(
                3_001_000, 11_000_000, 3, 14, 130, Map.of("main", 2_000_000L, "idle", 7L, "pool-#", 3_000_000L));

        ProcessMeter.Reading spent = after.since(before);

        assertThat(spent.wallMs()).isEqualTo(3.0);
        assertThat(spent.cpuMs()).isEqualTo(6.0);
        assertThat(spent.cores()).isEqualTo(2.0);
        assertThat(spent.gcCount()).isEqualTo(1);
        assertThat(spent.gcMillis()).isEqualTo(4);
        assertThat(spent.jitMillis()).isEqualTo(30);
        // the Java threads account for 4 of the 6 ms; the rest is the JVM's own threads (or ended ones)
        assertThat(spent.threadsNanos())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("main", 1_000_000L, "pool-#", 3_000_000L, ProcessMeter.JVM_THREADS, 2_000_000L));
    }

    @Test
    void given_the_running_jvm_when_read_with_threads_then_this_thread_has_spent_cpu() {
        ProcessMeter.Reading r = ProcessMeter.read(true);

        assertThat(r.cpuNanos()).isPositive();
        assertThat(r.threadsNanos())
                .containsKey(ProcessMeter.group(Thread.currentThread().getName()));
    }
}

package tradetalk.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.cli.config.ConfigException;
import tradetalk.cli.config.ConfigLoader;

class ShardsTest {

    @TempDir
    Path home;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void given_no_shard_settings_when_loading_then_the_bot_is_not_sharded() {
        Shards s = loader.load(null, Map.of(), home).discord().sharding();

        assertThat(s.enabled()).isFalse();
        assertThat(s.ids()).isEmpty();
        assertThat(s.spec()).isEmpty();
    }

    @Test
    void given_a_range_when_parsing_then_every_shard_of_it_is_held() {
        Shards s = Shards.parse(8, "0-3");

        assertThat(s.enabled()).isTrue();
        assertThat(s.ids()).containsExactly(0, 1, 2, 3);
        assertThat(s.holds(3)).isTrue();
        assertThat(s.holds(4)).isFalse();
    }

    @Test
    void given_a_list_and_ranges_in_any_order_when_parsing_then_the_ids_are_sorted_and_the_spec_is_canonical() {
        Shards s = Shards.parse(10, " 7, 0 , 4-5,2");

        assertThat(s.ids()).containsExactly(0, 2, 4, 5, 7);
        assertThat(s.spec()).isEqualTo("0,2,4-5,7");
        assertThat(Shards.parse(4, "1").ids()).containsExactly(1);
    }

    @Test
    void given_a_total_without_shards_when_parsing_then_this_process_runs_all_of_them() {
        Shards s = Shards.parse(3, "");

        assertThat(s.ids()).containsExactly(0, 1, 2);
        assertThat(s.spec()).isEqualTo("0-2");
    }

    @Test
    void given_a_guild_id_when_asking_its_shard_then_it_is_the_timestamp_bits_modulo_the_total() {
        long guild = (123_457L << 22) | 99; // the low 22 bits (worker, process, increment) do not count

        assertThat(Shards.parse(2, "").shardOf(Long.toString(guild))).isEqualTo(1);
        assertThat(Shards.parse(4, "").shardOf(Long.toString(guild))).isEqualTo(1);
        assertThat(Shards.parse(5, "").shardOf(Long.toString(guild))).isEqualTo(2);
    }

    @Test
    void given_a_shard_out_of_range_when_parsing_then_the_error_names_the_key_and_the_range() {
        assertThatThrownBy(() -> Shards.parse(4, "2-4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discord.shards: shard 4 is out of range 0-3 (discord.shards-total is 4)");
        assertThatThrownBy(() -> Shards.parse(2, "99999999999"))
                .hasMessageContaining("discord.shards: shard 99999999999 is out of range 0-1");
    }

    @Test
    void given_a_shard_listed_twice_when_parsing_then_the_error_says_which() {
        assertThatThrownBy(() -> Shards.parse(8, "0-3,2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discord.shards lists shard 2 twice in '0-3,2'");
    }

    @Test
    void given_malformed_or_backward_specs_when_parsing_then_the_error_names_the_key() {
        assertThatThrownBy(() -> Shards.parse(4, "0-"))
                .hasMessageStartingWith("discord.shards must be shard ids and ranges such as 0-3 or 0,2");
        assertThatThrownBy(() -> Shards.parse(4, "0,,1")).hasMessageContaining("bad part ''");
        assertThatThrownBy(() -> Shards.parse(4, "one")).hasMessageContaining("bad part 'one'");
        assertThatThrownBy(() -> Shards.parse(4, "-1")).hasMessageStartingWith("discord.shards must be");
        assertThatThrownBy(() -> Shards.parse(4, "3-1"))
                .hasMessage("discord.shards: range 3-1 runs backwards; write 1-3");
    }

    @Test
    void given_shards_without_a_total_or_a_negative_total_when_parsing_then_the_error_names_the_total_key() {
        assertThatThrownBy(() -> Shards.parse(0, "0-1")).hasMessageContaining("discord.shards-total is not set");
        assertThatThrownBy(() -> Shards.parse(-2, ""))
                .hasMessage("discord.shards-total must be 0 (not sharded) or a number of shards, got -2");
    }

    @Test
    void given_environment_overrides_when_loading_then_the_shards_are_taken_from_them() {
        DiscordConfig d = loader.load(
                        null, Map.of("TRADETALK_DISCORD_SHARDS_TOTAL", "4", "TRADETALK_DISCORD_SHARDS", "2-3"), home)
                .discord();

        assertThat(d.sharding()).isEqualTo(new Shards(4, java.util.List.of(2, 3)));
        assertThat(d.shards()).isEqualTo("2-3");
    }

    @Test
    void given_bad_shard_settings_when_loading_then_loading_fails_with_one_line_naming_the_key() {
        assertThatThrownBy(() -> loader.load(
                        null, Map.of("TRADETALK_DISCORD_SHARDS_TOTAL", "2", "TRADETALK_DISCORD_SHARDS", "1,1"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessage("bad config: discord.shards lists shard 1 twice in '1,1'");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_DISCORD_SHARDS", "0"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("discord.shards-total is not set");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_DISCORD_SHARDS_TOTAL", "two"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("discord.shards-total");
    }
}

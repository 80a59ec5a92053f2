package tradetalk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void defuses_every_kind_of_mention() {
        assertThat(Mentions.defuse("@everyone @HERE <@1> <@!2> <@&3>"))
                .isEqualTo("@\u200Beveryone @\u200BHERE <@\u200B1> <@\u200B!2> <@\u200B&3>");
        assertThat(Mentions.defuse("mail a@example.com <@&7>")).isEqualTo("mail a@example.com <@\u200B&7>");
    }

    @Test
    void defusing_twice_changes_nothing() {
        String once = Mentions.defuse("ping <@123> and @everyone, mail a@example.com");

        assertThat(Mentions.defuse(once)).isEqualTo(once);
        assertThat(Mentions.defuse(Mentions.defuse(once))).isEqualTo(once);
    }
}

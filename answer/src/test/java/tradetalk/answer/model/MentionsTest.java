package tradetalk.answer.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void defuses_every_kind_of_mention() {
        assertThat(Mentions.neutralize("@everyone @HERE <@1> <@!2> <@&3>"))
                .isEqualTo("@\u200Beveryone @\u200BHERE <@\u200B1> <@\u200B!2> <@\u200B&3>");
    }

    @Test
    void neutralising_twice_changes_nothing() {
        String once = Mentions.neutralize("ping <@123> and @everyone, mail a@example.com");

        assertThat(Mentions.neutralize(once)).isEqualTo(once);
        assertThat(Mentions.neutralize(Mentions.neutralize(once))).isEqualTo(once);
    }
}

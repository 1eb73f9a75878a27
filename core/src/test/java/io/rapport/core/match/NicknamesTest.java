package io.rapport.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NicknamesTest {

    @Test
    void commonEnglishNicknamesAreEquivalentToTheirFormalName() {
        assertThat(Nicknames.equivalent("william", "bill")).isTrue();
        assertThat(Nicknames.equivalent("liam", "william")).isTrue();
        assertThat(Nicknames.equivalent("bob", "robert")).isTrue();
        assertThat(Nicknames.equivalent("elizabeth", "betty")).isTrue();
        assertThat(Nicknames.equivalent("lisa", "eliza")).isTrue();
        assertThat(Nicknames.equivalent("peggy", "margaret")).isTrue();
        assertThat(Nicknames.equivalent("jack", "john")).isTrue();
        assertThat(Nicknames.equivalent("kathryn", "kate")).isTrue();
    }

    @Test
    void nicknamesOfTheSameFormalNameAreEquivalentToEachOther() {
        assertThat(Nicknames.equivalent("bill", "liam")).isTrue();
        assertThat(Nicknames.equivalent("meg", "maggie")).isTrue();
    }

    @Test
    void nordicGermanFrenchAndSpanishGroupsAreIncluded() {
        assertThat(Nicknames.equivalent("hans", "johannes")).isTrue();
        assertThat(Nicknames.equivalent("ola", "olav")).isTrue();
        assertThat(Nicknames.equivalent("heinz", "heinrich")).isTrue();
        assertThat(Nicknames.equivalent("sepp", "josef")).isTrue();
        assertThat(Nicknames.equivalent("paco", "francisco")).isTrue();
        assertThat(Nicknames.equivalent("pepe", "jose")).isTrue();
    }

    @Test
    void aSharedNicknameDoesNotMakeTwoFormalNamesEquivalent() {
        // "chris" is short for both, but Christopher and Christine are two people
        assertThat(Nicknames.equivalent("chris", "christopher")).isTrue();
        assertThat(Nicknames.equivalent("chris", "christine")).isTrue();
        assertThat(Nicknames.equivalent("christopher", "christine")).isFalse();
        assertThat(Nicknames.equivalent("alexander", "alexandra")).isFalse();
    }

    @Test
    void unrelatedOrUnknownNamesAndEqualNamesAreNotNicknames() {
        assertThat(Nicknames.equivalent("william", "robert")).isFalse();
        assertThat(Nicknames.equivalent("zebedee", "zeb")).isFalse();
        assertThat(Nicknames.equivalent("william", "william")).isFalse();
        assertThat(Nicknames.equivalent(null, "william")).isFalse();
        assertThat(Nicknames.groupsOf("zebedee")).isEmpty();
    }

    @Test
    void knownGivenNamesIncludeTheListAndEveryNickname() {
        assertThat(GivenNames.known("olivia")).isTrue();
        assertThat(GivenNames.known("peggy")).isTrue();
        assertThat(GivenNames.known("jermes")).isFalse();
        assertThat(GivenNames.known(null)).isFalse();
    }
}

package dev.mensura.vision.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentJobsTest {

    @Test
    void aJobIsTakenOnceAndTheOldestAreForgottenBeyondCapacity() {
        RecentJobs recent = new RecentJobs(2);
        assertThat(recent.firstTime("a")).isTrue();
        assertThat(recent.firstTime("a")).as("a redelivery").isFalse();
        assertThat(recent.firstTime("b")).isTrue();
        assertThat(recent.firstTime("c")).isTrue();
        assertThat(recent.firstTime("b")).isFalse();
        assertThat(recent.firstTime("a")).as("forgotten: bounded memory").isTrue();
    }
}

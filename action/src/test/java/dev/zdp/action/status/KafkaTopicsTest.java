package dev.zdp.action.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The lag of a sink's group on one partition, as {@code zdp status} reports it. */
class KafkaTopicsTest {

  @Test
  void aGroupCaughtUpHasNoLag() {
    assertThat(KafkaTopics.partitionLag(OptionalLong.of(120), 0, 120, -1))
        .isEqualTo(new TopicReader.Lag(0, 0, true));
  }

  @Test
  void theLagIsTheRecordsAfterTheCommittedOffsetAndTheOverdueOnesThoseOlderThanTheAllowance() {
    // committed 100 of 130; records from 110 on are within the allowance: 100..109 are overdue
    assertThat(KafkaTopics.partitionLag(OptionalLong.of(100), 0, 130, 110))
        .isEqualTo(new TopicReader.Lag(30, 10, true));
    // every record is older than the allowance
    assertThat(KafkaTopics.partitionLag(OptionalLong.of(100), 0, 130, -1))
        .isEqualTo(new TopicReader.Lag(30, 30, true));
    // the records within the allowance start before the committed offset: none overdue
    assertThat(KafkaTopics.partitionLag(OptionalLong.of(100), 0, 130, 90))
        .isEqualTo(new TopicReader.Lag(30, 0, true));
  }

  @Test
  void withoutACommittedOffsetTheSinkHasEveryRetainedRecordToRead() {
    assertThat(KafkaTopics.partitionLag(OptionalLong.empty(), 40, 50, -1))
        .isEqualTo(new TopicReader.Lag(10, 10, false));
    assertThat(KafkaTopics.partitionLag(OptionalLong.empty(), 0, 0, -1))
        .isEqualTo(new TopicReader.Lag(0, 0, false));
  }

  @Test
  void anOffsetThePartitionNoLongerHoldsCountsFromItsFirstRecord() {
    // the topic deleted and created again: the group's offset 500 is past the new end
    assertThat(KafkaTopics.partitionLag(OptionalLong.of(500), 0, 3, 0))
        .isEqualTo(new TopicReader.Lag(3, 0, true));
    // retention deleted records the group never read
    assertThat(KafkaTopics.partitionLag(OptionalLong.of(5), 20, 25, -1))
        .isEqualTo(new TopicReader.Lag(5, 5, true));
  }
}

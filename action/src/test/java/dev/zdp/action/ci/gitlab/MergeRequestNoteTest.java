package dev.zdp.action.ci.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zdp.action.fakes.FakeGitlab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sticky merge request note against a local server speaking GitLab's notes API. */
class MergeRequestNoteTest {

  private static final String MARKER = "<!-- zdp:report -->";

  private FakeGitlab gitlab;
  private MergeRequestNote note;

  @BeforeEach
  void server() throws Exception {
    gitlab = new FakeGitlab("42", "glpat-test", 2);
    note = new MergeRequestNote(gitlab.apiUrl(), "glpat-test", MARKER);
  }

  @AfterEach
  void stop() {
    assertThat(gitlab.unexpected()).isEmpty();
    gitlab.close();
  }

  @Test
  void addsOnceEditsInPlaceAndLeavesAnIdenticalNoteAlone() throws Exception {
    gitlab.addNote(3, "assigned to @alice", true);

    assertThat(note.publish("42", 3, MARKER + "\none")).isEqualTo(MergeRequestNote.Outcome.CREATED);
    assertThat(note.publish("42", 3, MARKER + "\ntwo")).isEqualTo(MergeRequestNote.Outcome.UPDATED);
    assertThat(note.publish("42", 3, MARKER + "\ntwo"))
        .isEqualTo(MergeRequestNote.Outcome.UNCHANGED);

    assertThat(gitlab.notes(3))
        .extracting(FakeGitlab.Note::body)
        .containsExactly("assigned to @alice", MARKER + "\ntwo");
    assertThat(gitlab.requests("POST")).hasSize(1);
    assertThat(gitlab.requests("PUT")).hasSize(1);
  }

  @Test
  void findsItsNoteOnALaterPage() throws Exception {
    for (int i = 0; i < 5; i++) {
      gitlab.addNote(3, "comment " + i, false);
    }
    gitlab.addNote(3, MARKER + "\nold", false);

    assertThat(note.publish("42", 3, MARKER + "\nnew")).isEqualTo(MergeRequestNote.Outcome.UPDATED);

    assertThat(gitlab.notes(3)).hasSize(6);
    assertThat(gitlab.requests("GET")).anyMatch(r -> r.contains("page=3"));
  }

  @Test
  void aTokenThatMayNotWriteNotesIsNotAllowed() {
    MergeRequestNote wrongToken = new MergeRequestNote(gitlab.apiUrl(), "job-token", MARKER);

    assertThatThrownBy(() -> wrongToken.publish("42", 3, MARKER + "\nx"))
        .isInstanceOf(MergeRequestNote.NotAllowed.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("ZDP_GITLAB_TOKEN");
  }
}

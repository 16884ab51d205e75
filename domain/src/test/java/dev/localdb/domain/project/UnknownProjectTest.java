package dev.localdb.domain.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.ProjectName;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownProjectTest {
    private static List<ProjectName> names(String... names) {
        return java.util.Arrays.stream(names).map(ProjectName::of).toList();
    }

    @Test
    void typosFindTheirNameClosestFirst() {
        List<ProjectName> known = names("node", "shop", "nodes", "api", "web");

        assertThat(UnknownProject.closest(ProjectName.of("node2"), known)).containsExactly("node", "nodes");
        assertThat(UnknownProject.closest(ProjectName.of("sohp"), known)).as("two letters swapped are one typo").containsExactly("shop");
        assertThat(UnknownProject.closest(ProjectName.of("database"), known)).isEmpty();
    }

    /** helper-19's finding 11: two edits turn "db" into "web"; a short name gets one. */
    @Test
    void aShortNameIsCloseOnlyWithinOneEdit() {
        List<ProjectName> known = names("web", "api", "apps");

        assertThat(UnknownProject.closest(ProjectName.of("db"), known)).isEmpty();
        assertThat(UnknownProject.closest(ProjectName.of("wb"), known)).containsExactly("web");
        assertThat(UnknownProject.closest(ProjectName.of("app"), known)).containsExactly("api", "apps");
    }

    @Test
    void theMessageSaysWhatIsWrongAndHowToCreateIt() {
        assertThat(UnknownProject.of(ProjectName.of("zzz"), names("node")).getMessage())
                .isEqualTo("No project zzz. Create it with 'localdb new zzz' (or 'localdb start zzz --create'); 'localdb status' lists the projects.");
    }
}

package dev.localdb.domain.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What `localdb new --port-name` may record. */
class ProjectPortNamesTest {
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

    private static ProjectConfig withNames(List<PortName> names) {
        return new ProjectConfig(ProjectName.of("web"), Optional.empty(), Optional.of("serve"), Optional.empty(), AT, names);
    }

    @Test
    void aProjectKeepsItsPortNamesInTheGivenOrder() {
        assertThat(withNames(List.of(PortName.of("debug"), PortName.of("api"))).portNames())
                .containsExactly(PortName.of("debug"), PortName.of("api"));
        assertThat(ProjectConfig.defaults(ProjectName.of("web"), AT).portNames()).isEmpty();
    }

    @Test
    void aNameGivenTwiceIsRefused() {
        assertThatThrownBy(() -> withNames(List.of(PortName.of("api"), PortName.of("debug"), PortName.of("api"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Port name \"api\" is given twice: give each --port-name once.");
    }

    @Test
    void moreThanSixteenNamesAreRefused() {
        List<PortName> seventeen = IntStream.rangeClosed(1, 17).mapToObj(i -> PortName.of("p" + i)).toList();

        assertThat(withNames(seventeen.subList(0, 16)).portNames()).hasSize(16);
        assertThatThrownBy(() -> withNames(seventeen))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Too many --port-name options (17): a project can have at most 16 named ports besides its main port.");
    }
}

package dev.localdb.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ProjectNameTest {
    private static final String RULE = "use 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit";

    @ParameterizedTest
    @ValueSource(strings = {"web", "my-app.v2", "a_b", "0", "a..b", "x-"})
    void acceptsNamesOfTheSafeAlphabet(String name) {
        assertThat(ProjectName.of(name).value()).isEqualTo(name);
        assertThat(ProjectName.of(name)).hasToString(name);
    }

    @Test
    void acceptsExactlySixtyFourCharacters() {
        String longest = "a".repeat(ProjectName.MAX_LENGTH);
        assertThat(ProjectName.of(longest).value()).hasSize(64);
    }

    @Test
    void rejectsSixtyFiveCharactersNamingTheRule() {
        assertThatThrownBy(() -> ProjectName.of("a".repeat(65)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(RULE);
    }

    @Test
    void rejectsTheEmptyNameSayingItIsEmpty() {
        assertThatThrownBy(() -> ProjectName.of(""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Project name is empty")
                .hasMessageContaining(RULE);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> ProjectName.of(null)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "a\\b", ".hidden", "..", ".", "-x", "_x", "Web", "WEB", "my app", " web",
            "web ", "a:b", "a*b", "w\u00e9b"})
    void rejectsNamesThatCouldBePathsOrAreOutsideTheAlphabet(String name) {
        assertThatThrownBy(() -> ProjectName.of(name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Invalid project name \"" + name + "\"")
                .hasMessageContaining(RULE)
                .hasMessageContaining("names are never paths");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "web\n", "a\nb", "a\rb", "a\tb", "\u001b[31mred", "x\u001b]0;title\u0007",
            "a\u007fb", "a\u009b2Jb"})
    void rejectsControlCharactersWithoutEverEchoingThem(String name) {
        assertThatThrownBy(() -> ProjectName.of(name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(RULE)
                .satisfies(e -> assertThat(hasControlCharacter(e.getMessage())).as("raw control character in: %s", e.getMessage()).isFalse());
    }

    @Test
    void showsAnEscapeSequenceAsVisibleText() {
        assertThatThrownBy(() -> ProjectName.of("\u001b[2Jx"))
                .hasMessageContaining("\"\\u001b[2Jx\"");
    }

    @Test
    void shortensAVeryLongBadNameInTheMessage() {
        String huge = "A".repeat(10_000);
        assertThatThrownBy(() -> ProjectName.of(huge))
                .hasMessageContaining("A".repeat(80) + "...")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Test
    void addsNoEllipsisWhenEightyCodePointsAreShownInFull() {
        String emoji = "\uD83D\uDE00".repeat(80); // 80 code points, 160 chars
        assertThatThrownBy(() -> ProjectName.of(emoji))
                .hasMessageContaining("\"" + emoji + "\"");
    }

    @Test
    void ordersByName() {
        assertThat(ProjectName.of("api")).isLessThan(ProjectName.of("web"));
    }

    static boolean hasControlCharacter(String text) {
        return text.codePoints().anyMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0));
    }
}

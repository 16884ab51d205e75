package dev.localdb.domain.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.project.DevServerCommand.PackageManager;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DevServerCommandTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vite                         | NPM  | npm run dev -- --port \"$PORT\" --strictPort",
            "vite dev                     | PNPM | pnpm run dev --port \"$PORT\" --strictPort",
            "tsc -b && vite --host        | YARN | yarn run dev --port \"$PORT\" --strictPort",
            "NODE_ENV=dev npx vite        | NPM  | npm run dev -- --port \"$PORT\" --strictPort",
            "astro dev                    | NPM  | npm run dev -- --port \"$PORT\"",
            "ng serve                     | BUN  | bun run dev --port \"$PORT\"",
            "next dev                     | NPM  | npm run dev",
            "nuxi dev                     | NPM  | npm run dev",
            "react-scripts start          | NPM  | npm run dev",
            "vite --port $PORT            | NPM  | npm run dev",
            "./node_modules/.bin/vite     | NPM  | npm run dev -- --port \"$PORT\" --strictPort"})
    void aKnownDevScriptGetsThePortFlagsItNeeds(String script, PackageManager manager, String expected) {
        DevServerCommand chosen = DevServerCommand.fromDevScript(script, manager);

        assertThat(chosen.command()).isEqualTo(expected);
        assertThat(chosen.warning()).isFalse();
        assertThat(chosen.note()).isPresent();
    }

    @Test
    void aScriptThatFixesItsOwnPortOrIsUnknownIsKeptWithAWarning() {
        DevServerCommand fixed = DevServerCommand.fromDevScript("vite --port 5173", PackageManager.NPM);
        DevServerCommand unknown = DevServerCommand.fromDevScript("node server.js", PackageManager.NPM);
        DevServerCommand build = DevServerCommand.fromDevScript("vite build", PackageManager.NPM);

        assertThat(fixed.command()).isEqualTo("npm run dev");
        assertThat(fixed.warning()).isTrue();
        assertThat(fixed.note().orElseThrow()).contains("fixes its own port (5173)", "Vite");
        assertThat(unknown.command()).isEqualTo("npm run dev");
        assertThat(unknown.warning()).isTrue();
        assertThat(unknown.note().orElseThrow()).contains("does not know whether", "node server.js");
        assertThat(build.warning()).as("'vite build' serves nothing").isTrue();
    }

    @Test
    void anExplicitCommandIsDetectedTheSameWay() {
        assertThat(DevServerCommand.fromCommand("npx vite", Optional.empty()).command()).isEqualTo("npx vite --port \"$PORT\" --strictPort");
        assertThat(DevServerCommand.fromCommand("npm run dev", Optional.of("vite")).command())
                .isEqualTo("npm run dev -- --port \"$PORT\" --strictPort");
        assertThat(DevServerCommand.fromCommand("npm run dev -- --host", Optional.of("vite")).command())
                .isEqualTo("npm run dev -- --host --port \"$PORT\" --strictPort");
        assertThat(DevServerCommand.fromCommand("pnpm dev", Optional.of("astro dev")).command()).isEqualTo("pnpm dev --port \"$PORT\"");
        assertThat(DevServerCommand.fromCommand("npx vite --port \"$PORT\"", Optional.empty()).command()).isEqualTo("npx vite --port \"$PORT\"");

        assertThat(DevServerCommand.fromCommand("npm run dev -- --port $PORT", Optional.of("vite")).command())
                .as("the README's example names the port itself").isEqualTo("npm run dev -- --port $PORT");

        DevServerCommand own = DevServerCommand.fromCommand("python3 -m http.server $PORT", Optional.of("vite"));
        assertThat(own.command()).isEqualTo("python3 -m http.server $PORT");
        assertThat(own.note()).as("a command of the user's own says nothing").isEmpty();
    }
}

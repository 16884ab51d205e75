package dev.localdb.domain.fake;

import dev.localdb.domain.contract.ServerLogsContract;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ServerLogs;

/** The in-memory logs keep the same promises as the runtime folder's files. */
class InMemoryServerLogsContractTest extends ServerLogsContract {
    private final InMemoryServerLogs fake = new InMemoryServerLogs();

    @Override
    protected ServerLogs logs() {
        return fake;
    }

    @Override
    protected void write(ProjectName project, String text) {
        fake.write(project, text);
    }

    @Override
    protected void rotate(ProjectName project) {
        fake.rotate(project);
    }

    @Override
    protected void truncate(ProjectName project) {
        fake.truncate(project);
    }
}

package dev.localdb.cli.command;

import dev.localdb.cli.proxy.ProxyControl;
import dev.localdb.domain.model.ProjectName;

/** The name URLs the proxy gives, as start, status and proxy status print them. */
final class ProxyUrls {
    private ProxyUrls() {
    }

    static String of(ProjectName project, ProxyControl.Status proxy) {
        return dev.localdb.cli.output.StatusOutput.nameUrl(project.value(), proxy.httpPort());
    }

    static String pattern(ProxyControl.Status proxy) {
        return "http://<project>.localhost" + (proxy.httpPort() == 80 ? "" : ":" + proxy.httpPort());
    }
}

package dev.localdb.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The dashboard's only script, inline and fixed (no data is ever put into it), so the page's CSP
 * can allow exactly this text by its SHA-256 hash instead of allowing inline scripts at large.
 *
 * <p>It redeems a {@code #ticket=} from the URL once, keeps the control token in sessionStorage
 * (per tab, and per origin: another port's page cannot read it), polls
 * {@code /dashboard/projects} every 2 s and draws the table with DOM calls only (no innerHTML), and
 * sends Start/Stop with the token in the {@code X-LocalDB-Token} header.
 */
final class DashboardScript {
    static final String SOURCE = """
            (() => {
              "use strict";
              const KEY = "localdb-token";
              const list = document.getElementById("projects-list");
              const note = document.getElementById("control-note");
              const line = document.getElementById("dashboard-status");
              const pending = new Map();
              let project = "";
              let lost = false;
              let drawn = "";
              const token = () => { try { return sessionStorage.getItem(KEY); } catch (e) { return null; } };
              const forget = () => { try { sessionStorage.removeItem(KEY); } catch (e) { } };
              const say = (text, bad) => { line.textContent = text; line.className = bad ? "bad" : "meta"; };
              const headers = () => {
                const h = { "Accept": "application/json" };
                const t = token();
                if (t) { h["X-LocalDB-Token"] = t; }
                return h;
              };
              const errorOf = async (response) => {
                try { return (await response.json()).error || ("HTTP " + response.status); } catch (e) { return "HTTP " + response.status; }
              };
              const reopen = () => "run 'localdb open " + (project || "<project>") + "' for a new control link.";

              async function redeemTicket() {
                const match = /^#ticket=([A-Za-z0-9._-]{1,200})$/.exec(location.hash);
                if (!match) { return; }
                history.replaceState(null, "", location.pathname + location.search);
                const response = await fetch("/dashboard/session", { method: "POST", headers: { "X-LocalDB-Ticket": match[1] }, cache: "no-store", credentials: "omit" });
                if (response.ok) {
                  sessionStorage.setItem(KEY, (await response.json()).token);
                } else {
                  say(await errorOf(response), true);
                }
              }

              function cell(row, text, className) {
                const td = row.insertCell();
                td.textContent = text;
                if (className) { td.className = className; }
                return td;
              }

              // Only http(s) URLs become links; anything else is shown as text, never as a javascript: href.
              function addLink(parent, url) {
                if (url.toLowerCase().startsWith("http://") || url.toLowerCase().startsWith("https://")) {
                  const a = document.createElement("a");
                  a.href = url;
                  a.textContent = url;
                  parent.appendChild(a);
                } else {
                  parent.append(url);
                }
              }

              function render(data) {
                project = data.project;
                if (!data.control && token()) {
                  forget();
                  say("This page no longer controls projects (the server was restarted): " + reopen(), true);
                }
                note.hidden = data.control;
                // Redraw only what changed: a button replaced under the pointer would swallow the click.
                const state = JSON.stringify([data.control, data.projects, Array.from(pending)]);
                if (state === drawn) { return; }
                drawn = state;
                if (data.projects.length === 0) {
                  const empty = document.createElement("p");
                  empty.className = "empty";
                  empty.textContent = "No projects registered.";
                  list.replaceChildren(empty);
                  return;
                }
                const table = document.createElement("table");
                table.id = "projects";
                const head = table.insertRow();
                for (const title of ["Project", "State", "Port", "Open"].concat(data.control ? ["Control"] : [])) {
                  const th = document.createElement("th");
                  th.textContent = title;
                  head.appendChild(th);
                }
                for (const p of data.projects) {
                  const row = table.insertRow();
                  row.dataset.project = p.name;
                  if (p.here) { row.className = "here"; }
                  const name = document.createElement("code");
                  name.textContent = p.name;
                  cell(row, "").appendChild(name);
                  cell(row, p.state, p.state);
                  cell(row, p.port === null ? "" : String(p.port));
                  const open = cell(row, "");
                  addLink(open, p.url || "");
                  if (p.nameUrl) {
                    open.append(" ");
                    addLink(open, p.nameUrl);
                  }
                  if (data.control && p.reservation) {
                    cell(row, "port only");
                  } else if (data.control) {
                    const action = p.state === "running" ? "stop" : "start";
                    const button = document.createElement("button");
                    button.type = "button";
                    button.dataset.action = action;
                    button.dataset.project = p.name;
                    button.textContent = pending.get(p.name) || (action === "stop" ? "Stop" : "Start");
                    button.disabled = pending.has(p.name);
                    cell(row, "").appendChild(button);
                  }
                }
                list.replaceChildren(table);
              }

              async function refresh() {
                try {
                  const response = await fetch("/dashboard/projects", { headers: headers(), cache: "no-store", credentials: "omit" });
                  if (!response.ok) {
                    say(await errorOf(response), true);
                    return;
                  }
                  render(await response.json());
                  if (lost) {
                    lost = false;
                    say("", false);
                  }
                } catch (e) {
                  lost = true;
                  say("The localdb server of " + (project || "this page") + " does not answer: it may have been stopped. This list updates when it is back.", true);
                }
              }

              list.addEventListener("click", async (event) => {
                const button = event.target.closest("button[data-action]");
                if (!button) { return; }
                const name = button.dataset.project;
                const action = button.dataset.action;
                if (action === "stop" && name === project && !confirm("Stop " + name + "? This page is served by it and will stop answering.")) { return; }
                pending.set(name, action === "stop" ? "Stopping..." : "Starting...");
                button.disabled = true;
                button.textContent = pending.get(name);
                try {
                  const response = await fetch("/dashboard/projects/" + encodeURIComponent(name) + "/" + action,
                    { method: "POST", headers: headers(), cache: "no-store", credentials: "omit" });
                  if (response.ok) {
                    say((await response.json()).message, false);
                  } else {
                    if (response.status === 403) { forget(); }
                    say(await errorOf(response), true);
                  }
                } catch (e) {
                  say("The localdb server of " + project + " did not answer: " + e.message, true);
                } finally {
                  pending.delete(name);
                  refresh();
                }
              });

              const loop = async () => { await refresh(); setTimeout(loop, 2000); };
              redeemTicket().catch((e) => say("Could not use the control link: " + e.message, true)).finally(loop);
            })();
            """;

    /** The CSP source that allows exactly {@link #SOURCE}. */
    static final String CSP_HASH = "'sha256-" + sha256(SOURCE) + "'";

    private DashboardScript() {
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

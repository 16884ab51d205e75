package dev.localdb.adapters.storage;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.localdb.adapters.storage.RegistryJson.Document;
import dev.localdb.adapters.storage.RegistryJson.Entry;
import dev.localdb.adapters.storage.RegistryJson.NamedPort;
import dev.localdb.adapters.storage.RegistryJson.Owner;
import dev.localdb.adapters.storage.RegistrySyntax.Root;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the registry file in two passes: the whole document as JSON and its schema version first
 * (so a newer file is recognised even when this version cannot map it), then the domain values,
 * which re-check every rule (names, ports, one holder per port), so damage is never taken as data.
 */
final class RegistryParser {

    /** A syntactically sound registry document of some schema version. */
    record Parsed(int schemaVersion, byte[] bytes) {
    }

    private RegistryParser() {
    }

    static Parsed parse(byte[] bytes) throws CorruptRegistryException {
        if (isBlank(bytes)) {
            throw new CorruptRegistryException("the file is empty");
        }
        Root root;
        try {
            root = RegistrySyntax.check(bytes);
        } catch (IOException e) {
            throw new CorruptRegistryException(describe(e));
        }
        if (!root.isObject()) {
            throw new CorruptRegistryException("it is not a JSON object");
        }
        if (root.version() == null) {
            throw new CorruptRegistryException("schemaVersion is missing");
        }
        if (root.version() != JsonToken.VALUE_NUMBER_INT || root.versionValue() < 1) {
            throw new CorruptRegistryException("schemaVersion is not a positive whole number");
        }
        return new Parsed(root.versionValue(), bytes);
    }

    static Registry toRegistry(Parsed parsed) throws CorruptRegistryException {
        Document document;
        try {
            document = RegistryDocumentReader.read(parsed.bytes(), parsed.schemaVersion());
        } catch (IOException e) {
            throw new CorruptRegistryException(describe(e));
        }
        if (document.allocations() == null) {
            throw new CorruptRegistryException("allocations is missing");
        }
        try {
            List<Allocation> allocations = new ArrayList<>(document.allocations().size());
            FieldPath entries = FieldPath.top("allocations");
            for (int i = 0; i < document.allocations().size(); i++) {
                allocations.add(allocation(document.allocations().get(i), entries.element(i)));
            }
            return Registry.of(allocations, Optional.ofNullable(document.lastCleanup()).map(t -> instant(t, FieldPath.top("lastCleanup"))));
        } catch (InvalidInputException e) {
            throw new CorruptRegistryException(e.getMessage());
        }
    }

    private static Allocation allocation(Entry entry, FieldPath where) {
        if (entry == null || entry.project() == null || entry.port() == null || entry.state() == null
                || entry.allocatedAt() == null) {
            throw new InvalidInputException(where + " lacks a project, port, state or allocatedAt");
        }
        AllocationState state = switch (entry.state()) {
            case "held" -> AllocationState.HELD;
            case "released" -> AllocationState.RELEASED;
            default -> throw new InvalidInputException(where + ".state is neither \"held\" nor \"released\"");
        };
        return new Allocation(ProjectName.of(entry.project()), PortNumber.of(entry.port()), state,
                Optional.ofNullable(entry.owner()).map(o -> owner(o, where)),
                instant(entry.allocatedAt(), where.field("allocatedAt")),
                namedPorts(entry.namedPorts(), where));
    }

    /** Names and ports are checked by the domain's own rules; the strict reader has already refused a repeated name. */
    private static Map<PortName, PortNumber> namedPorts(List<NamedPort> named, FieldPath entry) {
        if (named == null) {
            return Map.of();
        }
        Map<PortName, PortNumber> ports = new HashMap<>();
        for (NamedPort port : named) {
            if (port.port() == null) {
                throw new InvalidInputException(entry.field("namedPorts") + " lacks the port of a named port");
            }
            ports.put(PortName.of(port.name()), PortNumber.of(port.port()));
        }
        return ports;
    }

    private static ProcessIdentity owner(Owner owner, FieldPath entry) {
        if (owner.pid() == null || owner.startTime() == null || owner.bootId() == null) {
            throw new InvalidInputException(entry.field("owner") + " lacks a pid, startTime or bootId");
        }
        return new ProcessIdentity(owner.pid(), owner.startTime(), owner.bootId());
    }

    private static Instant instant(String text, FieldPath where) {
        try {
            return UtcTimes.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(where + " is not an ISO-8601 time");
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Jackson's messages are long and technical; the warning needs a short phrase. */
    private static String describe(IOException e) {
        if (e instanceof StreamConstraintsException) {
            return "it is nested more than " + RegistryJson.MAX_NESTING + " levels deep or holds an oversized value";
        }
        if (e instanceof JsonParseException p && p.getLocation() != null) {
            return "not valid JSON at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr();
        }
        return "not valid JSON";
    }
}

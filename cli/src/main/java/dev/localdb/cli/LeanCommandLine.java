package dev.localdb.cli;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

/**
 * picocli builds the model of every subcommand (reflecting over its fields, methods and their
 * annotations) as soon as the root {@link CommandLine} is created; with a dozen commands that is
 * most of the start-up of a short command such as {@code localdb port web}. So when the first
 * argument names a subcommand, only that one is built, under a root of the same name, which is
 * all picocli uses of the root when a subcommand runs (its qualified name in usage and errors).
 * Everything else (no arguments, --help, --version, a typo, the help command) gets the full tree,
 * and so does a root that passes anything on to its subcommands (inherited options or
 * attributes): usage help, suggestions and errors stay exactly as picocli makes them.
 */
final class LeanCommandLine {
    private LeanCommandLine() {
    }

    static CommandLine of(String[] args, Class<?> root, IFactory factory) {
        Class<?> subcommand = args.length == 0 || !passesNothingOn(root) ? null : subcommandNamed(root, args[0]);
        if (subcommand == null) {
            return new CommandLine(root, factory);
        }
        CommandLine lean = new CommandLine(CommandSpec.create().name(root.getAnnotation(Command.class).name()), factory);
        lean.addSubcommand(new CommandLine(subcommand, factory));
        return lean;
    }

    /** The subcommand class whose name or alias is exactly {@code name}; null when none is, or it is a help command. */
    private static Class<?> subcommandNamed(Class<?> root, String name) {
        for (Class<?> candidate : root.getAnnotation(Command.class).subcommands()) {
            Command command = candidate.getAnnotation(Command.class);
            if (command != null && (command.name().equals(name) || Arrays.asList(command.aliases()).contains(name))) {
                boolean helpCommand = command.helpCommand() || CommandLine.IHelpCommandInitializable2.class.isAssignableFrom(candidate);
                return helpCommand ? null : candidate;
            }
        }
        return null;
    }

    /** True when the root declares no options, parameters or mixins and no inherited attributes. */
    private static boolean passesNothingOn(Class<?> root) {
        Command command = root.getAnnotation(Command.class);
        if (command == null || command.scope() == ScopeType.INHERIT) {
            return false;
        }
        List<AnnotatedElement> members = new ArrayList<>();
        for (Class<?> type = root; type != null && type != Object.class; type = type.getSuperclass()) {
            members.addAll(Arrays.<Field>asList(type.getDeclaredFields()));
            members.addAll(Arrays.<Method>asList(type.getDeclaredMethods()));
        }
        for (AnnotatedElement member : members) {
            if (member.isAnnotationPresent(CommandLine.Option.class) || member.isAnnotationPresent(CommandLine.Parameters.class)
                    || member.isAnnotationPresent(CommandLine.Mixin.class) || member.isAnnotationPresent(CommandLine.ArgGroup.class)) {
                return false;
            }
        }
        return true;
    }
}

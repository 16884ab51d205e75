package dev.localdb.testsuite.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * localdb's architecture, written once and parameterised by the root package, so the same rules
 * run against the product ({@code dev.localdb}) and against a canary of deliberately wrong code.
 * No rule passes vacuously: a rule whose classes are missing fails, and every layer must exist,
 * so a renamed or misspelt package cannot turn a rule into a check of nothing.
 */
public final class LocalDbArchitecture {

    /**
     * The JDK the domain may use: values, collections, time, text matching and arithmetic. All of
     * java.io is excluded (Serializable and UncheckedIOException too): domain failures are
     * LocalDbExceptions, and adapters translate IOExceptions into them.
     */
    static final List<String> DOMAIN_JDK_ALLOWLIST = List.of(
            "java.lang", "java.util", "java.util.function", "java.util.stream", "java.util.regex",
            "java.util.concurrent", "java.util.concurrent.atomic", "java.util.concurrent.locks",
            "java.time..", "java.math");

    /** Methods of java.lang.System that read or change what surrounds the process. */
    private static final Set<String> SYSTEM_ENVIRONMENT_METHODS = Set.of(
            "getenv", "getProperty", "getProperties", "setProperty", "setProperties", "clearProperty",
            "exit", "console", "inheritedChannel", "load", "loadLibrary", "setIn", "setOut", "setErr");

    private final String root;

    private LocalDbArchitecture(String rootPackage) {
        this.root = rootPackage;
    }

    public static LocalDbArchitecture of(String rootPackage) {
        return new LocalDbArchitecture(rootPackage);
    }

    /** Every rule for a root package such as {@code dev.localdb}. */
    public static List<ArchRule> rules(String rootPackage) {
        return of(rootPackage).rules();
    }

    /** The layers must exist, then every dependency rule. */
    public List<ArchRule> rules() {
        List<ArchRule> all = new ArrayList<>(layersExist());
        all.addAll(dependencyRules());
        return all;
    }

    /** One rule per layer (domain, private files, storage adapter, OS adapter, server, proxy, cli, JUnit extension), failing when it has no classes. */
    public List<ArchRule> layersExist() {
        return Stream.of(domain(), layer("files"), layer("adapters.storage"), layer("adapters.os"), layer("server"), layer("proxy"), layer("cli"),
                        layer("junit"))
                .map(layer -> classes().that().resideInAPackage(layer).should(exist()).allowEmptyShould(false))
                .toList();
    }

    public List<ArchRule> dependencyRules() {
        return List.of(domainDependsOnlyOnTheJdkAndItself(), domainStaysInsideTheProcess(),
                domainDependsOnNoOuterLayer(), filesDependOnTheJdkOnly(), adaptersDoNotDependOnEachOther(),
                adaptersDependOnNeitherCliNorServer(), onlyCompositionRootsDependOnAdapters(),
                theJunitExtensionUsesNeitherCliNorServer(), nothingDependsOnTheJunitExtension(),
                theProxyUsesNeitherServerNorCli(), theServerUsesNeitherProxyNorCli(), onlyTheProxyUsesNettyAndBouncyCastle(),
                everyPortTheOutsideImplementsIsInDomainPort(), commandsParseCallOneServiceAndPrint());
    }

    public ArchRule domainDependsOnlyOnTheJdkAndItself() {
        String[] allowed = Stream.concat(Stream.of(domain()), DOMAIN_JDK_ALLOWLIST.stream()).toArray(String[]::new);
        return classes().that().resideInAPackage(domain())
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .because("the domain is plain Java: values, rules and ports, testable without a host")
                .allowEmptyShould(false);
    }

    /** Names the dangerous APIs outright, including those in java.lang that the allowlist lets through. */
    public ArchRule domainStaysInsideTheProcess() {
        DescribedPredicate<JavaClass> outsideWorld = resideInAnyPackage(
                "java.io..", "java.nio.file..", "java.nio.channels..", "java.net..", "com.fasterxml..", "picocli..")
                .or(belongToAnyOf(ProcessHandle.class, ProcessBuilder.class, Process.class, Runtime.class))
                .as("touch files, sockets, processes, JSON or the command line");
        return noClasses().that().resideInAPackage(domain())
                .should().dependOnClassesThat(outsideWorld)
                .orShould().callMethodWhere(DescribedPredicate.describe(
                        "a System method that reads or changes the environment, properties or the process",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(System.class)
                                && SYSTEM_ENVIRONMENT_METHODS.contains(call.getName())))
                .orShould().accessFieldWhere(DescribedPredicate.describe(
                        "System.in, System.out or System.err",
                        (JavaFieldAccess access) -> access.getTargetOwner().isEquivalentTo(System.class)
                                && Set.of("in", "out", "err").contains(access.getName())))
                .because("the host is reached only through the domain's ports, which adapters implement")
                .allowEmptyShould(false);
    }

    public ArchRule domainDependsOnNoOuterLayer() {
        return noClasses().that().resideInAPackage(domain())
                .should().dependOnClassesThat().resideInAnyPackage(layer("adapters"), layer("server"), layer("proxy"), layer("cli"),
                        layer("junit"))
                .because("dependencies point inward, to the domain")
                .allowEmptyShould(false);
    }

    /**
     * The private-file helpers are shared by both adapters, the server and the proxy, none of which
     * may use another; knowing only the JDK keeps them usable by all without carrying any along.
     */
    public ArchRule filesDependOnTheJdkOnly() {
        return classes().that().resideInAPackage(layer("files"))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", layer("files"))
                .because("private files are plain JDK code that the adapters, the server and the proxy share")
                .allowEmptyShould(false);
    }

    /** storage never uses os and os never uses storage (nor will a future adapter use another). */
    public ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(root + ".adapters.(*)..")
                .should().notDependOnEachOther()
                .because("each adapter implements domain ports with one technology; only the cli combines them")
                .allowEmptyShould(false);
    }

    public ArchRule adaptersDependOnNeitherCliNorServer() {
        return noClasses().that().resideInAPackage(layer("adapters"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("cli"), layer("server"), layer("proxy"))
                .because("adapters know the domain only; the cli wires them to everything else")
                .allowEmptyShould(false);
    }

    /**
     * The cli and the JUnit extension are the composition roots: the server and the domain receive
     * adapters as ports.
     */
    public ArchRule onlyCompositionRootsDependOnAdapters() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(layer("cli"), layer("junit"), layer("adapters"))
                .should().dependOnClassesThat().resideInAPackage(layer("adapters"))
                .because("only the composition roots (the cli and the JUnit extension) choose adapters")
                .allowEmptyShould(false);
    }

    /** The extension composes the domain and adapters itself; it does not borrow the command line or the server. */
    public ArchRule theJunitExtensionUsesNeitherCliNorServer() {
        return noClasses().that().resideInAPackage(layer("junit"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("cli"), layer("server"))
                .because("the JUnit extension is a small composition root of its own, shipped without the cli")
                .allowEmptyShould(false);
    }

    /** The extension is a library for users' tests; nothing of localdb itself may need it (or JUnit). */
    public ArchRule nothingDependsOnTheJunitExtension() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(layer("junit"))
                .should().dependOnClassesThat().resideInAPackage(layer("junit"))
                .because("the JUnit extension sits at the edge, beside the cli; the product never depends on it")
                .allowEmptyShould(false);
    }

    /**
     * The proxy is an inbound adapter beside the embedded server: it serves requests from the
     * domain ports the cli hands it, so it uses neither the server, the cli nor the JUnit extension.
     */
    public ArchRule theProxyUsesNeitherServerNorCli() {
        return noClasses().that().resideInAPackage(layer("proxy"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("server"), layer("cli"), layer("junit"))
                .because("the proxy runs from the RouteSource and OnDemandStarter the cli gives it")
                .allowEmptyShould(false);
    }

    /** The other way round: the embedded server knows neither the proxy nor the cli that starts it. */
    public ArchRule theServerUsesNeitherProxyNorCli() {
        return noClasses().that().resideInAPackage(layer("server"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("proxy"), layer("cli"), layer("junit"))
                .because("the server runs from the domain ports the cli gives it")
                .allowEmptyShould(false);
    }

    /** Netty and BouncyCastle are the proxy's engine; elsewhere they would be a second HTTP or crypto stack. */
    public ArchRule onlyTheProxyUsesNettyAndBouncyCastle() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(layer("proxy"))
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.bouncycastle..")
                .because("the proxy module owns its engine; the rest of localdb reaches it through ProxyServer")
                .allowEmptyShould(false);
    }

    /**
     * What an adapter, the server, the proxy or a composition root implements is a port of the
     * domain, and a newcomer looking for the ports finds all of them in one package.
     */
    public ArchRule everyPortTheOutsideImplementsIsInDomainPort() {
        String portPackage = root + ".domain.port";
        return classes().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(domain())
                .should(new ArchCondition<>("implement only those interfaces of the domain that are in " + portPackage) {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getAllRawInterfaces().stream()
                                .filter(port -> port.getPackageName().startsWith(root + ".domain") && !port.getPackageName().equals(portPackage))
                                .forEach(port -> events.add(SimpleConditionEvent.violated(type, type.getName() + " implements "
                                        + port.getName() + ", a port outside " + portPackage)));
                    }
                })
                .because("the domain's ports are declared in domain.port; values live in domain.model, rules beside their use")
                .allowEmptyShould(false);
    }

    /**
     * A command parses its arguments, calls one service and prints (like StatusCommand): the
     * files, processes and adapters behind it are reached through the services Wiring builds.
     */
    public ArchRule commandsParseCallOneServiceAndPrint() {
        // The home's layout and the resolved settings are values Wiring hands out; they do no work of their own.
        Set<String> values = Set.of(root + ".adapters.storage.LocalDbHome", root + ".adapters.storage.config.Configuration");
        DescribedPredicate<JavaClass> settingValues = DescribedPredicate.describe("the home layout or settings values",
                type -> values.contains(type.getName().replaceFirst("\\$.*", "")));
        return noClasses().that().resideInAPackage(layer("cli.command"))
                .should().dependOnClassesThat(resideInAnyPackage("java.nio.file..", layer("adapters"))
                        .and(DescribedPredicate.not(settingValues))
                        .or(belongToAnyOf(ProcessBuilder.class))
                        .or(resideInAnyPackage("com.fasterxml.."))
                        .as("touch files (java.nio.file), start processes (ProcessBuilder), name an adapter (LocalDbHome and Configuration, plain values, aside) or write JSON themselves (Jackson: each --json shape has its class in cli.output)"))
                .because("a command parses, calls one service and prints; the service or port behind it does the work")
                .allowEmptyShould(false);
    }

    public String domain() {
        return layer("domain");
    }

    private String layer(String relativePackage) {
        return root + "." + relativePackage + "..";
    }

    /** Always holds: with allowEmptyShould(false) it turns "the layer has classes" into a rule. */
    private static ArchCondition<JavaClass> exist() {
        return new ArchCondition<>("exist") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                // Nothing to check per class: the rule fails only when the layer has no class at all.
            }
        };
    }
}

/*
 * Fails the build when a compiled test class holds tests that neither surefire nor failsafe would run.
 *
 * Three property suites once sat in classes named *Properties, which match none of surefire's patterns, and
 * silently never ran (issue 13). The parent pom runs this in every module before the tests, with the same
 * include patterns it gives surefire and failsafe, so a misnamed class fails the build instead.
 *
 * Usage: java scripts/CheckTestsRun.java <test-classes dir> <surefire includes> <failsafe includes>
 * (includes are comma-separated Ant patterns such as "**" + "/*Test.java", as in the poms).
 *
 * A class holds tests when one of its methods, or an inherited one, carries a JUnit Jupiter test annotation
 * (@Test, @ParameterizedTest, @RepeatedTest, @TestFactory, @TestTemplate), Jazzer's @FuzzTest, JUnit 4's @Test,
 * or an annotation of this module's own that is meta-annotated with one of them. QuickTheories properties run
 * inside @Test methods, so they count through those. Tag filters (excludedGroups) are not looked at: a
 * tag-excluded class is picked up and filtered on purpose.
 *
 * Single-file program on the JDK's class-file API (java.lang.classfile, JDK 24+): no dependencies to resolve.
 */
import java.io.IOException;
import java.lang.classfile.Annotation;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.reflect.AccessFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

void main(String[] args) throws IOException {
    if (args.length != 3) {
        throw new IllegalArgumentException(
                "usage: java CheckTestsRun.java <test-classes dir> <surefire includes> <failsafe includes>");
    }
    Path classes = Path.of(args[0]);
    if (!Files.isDirectory(classes)) {
        return; // a module without tests
    }
    List<Pattern> surefire = patterns(args[1]);
    List<Pattern> failsafe = patterns(args[2]);

    Map<String, Compiled> all = new HashMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
            ClassModel model = ClassFile.of().parse(file);
            all.put(model.thisClass().asInternalName(), Compiled.of(model));
        }
    }

    Set<String> testAnnotations = new HashSet<>(Set.of(
            "Lorg/junit/jupiter/api/Test;",
            "Lorg/junit/jupiter/params/ParameterizedTest;",
            "Lorg/junit/jupiter/api/RepeatedTest;",
            "Lorg/junit/jupiter/api/TestFactory;",
            "Lorg/junit/jupiter/api/TestTemplate;",
            "Lcom/code_intelligence/jazzer/junit/FuzzTest;",
            "Lorg/junit/Test;"));
    boolean grew = true;
    while (grew) { // composed annotations of this module, e.g. @interface FxTest annotated @Test
        grew = false;
        for (Compiled c : all.values()) {
            if (c.isAnnotation()
                    && c.annotations().stream().anyMatch(testAnnotations::contains)
                    && testAnnotations.add("L" + c.name() + ";")) {
                grew = true;
            }
        }
    }

    Set<String> problems = new TreeSet<>();
    for (Compiled c : all.values()) {
        if (c.isAnnotation() || c.isInterface() || !holdsTests(c, all, testAnnotations)) {
            continue;
        }
        String name = c.name().replace('/', '.');
        if (c.isAbstract()) {
            boolean extended = all.values().stream()
                    .anyMatch(other -> !other.isAbstract() && inherits(other, c.name(), all));
            if (!extended) {
                problems.add(name + ": abstract, and no test class extends it, so its tests never run");
            }
            continue;
        }
        int dollar = c.name().indexOf('$');
        if (dollar >= 0) {
            if (!c.annotations().contains("Lorg/junit/jupiter/api/Nested;")) {
                problems.add(name + ": a nested class runs only when annotated @Nested (surefire skips **/*$*)");
            }
            continue; // a @Nested class runs with its enclosing class, checked on its own
        }
        if (!matches(surefire, c.name()) && !matches(failsafe, c.name())) {
            problems.add(name + ": its name matches neither surefire's includes [" + args[1]
                    + "] nor failsafe's [" + args[2] + "]; name it *Test (unit) or *IT (integration)");
        }
    }
    if (!problems.isEmpty()) {
        IO.println("CheckTestsRun: " + problems.size() + " test class(es) in " + classes + " would never run:");
        problems.forEach(p -> IO.println("  " + p));
        System.exit(1);
    }
}

boolean holdsTests(Compiled c, Map<String, Compiled> all, Set<String> testAnnotations) {
    for (Compiled at = c; at != null; at = all.get(at.superName())) {
        if (at.methodAnnotations().stream().anyMatch(testAnnotations::contains)) {
            return true;
        }
    }
    return false;
}

boolean inherits(Compiled c, String ancestor, Map<String, Compiled> all) {
    for (Compiled at = all.get(c.superName()); at != null; at = all.get(at.superName())) {
        if (at.name().equals(ancestor)) {
            return true;
        }
    }
    return false;
}

/** Ant patterns as surefire reads them: "**&#47;" any folders, "*" within a name, ".java"/".class" alike. */
List<Pattern> patterns(String includes) {
    List<Pattern> result = new ArrayList<>();
    for (String raw : includes.split(",")) {
        String include = raw.strip();
        if (include.isEmpty()) {
            continue;
        }
        if (include.startsWith("%regex[") || include.startsWith("!")) {
            throw new IllegalArgumentException("CheckTestsRun reads plain Ant patterns only, not " + include);
        }
        String glob = include.replaceAll("\\.(java|class)$", "");
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (ch == '*') {
                regex.append("[^/]*");
            } else if (ch == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        result.add(Pattern.compile(regex.toString()));
    }
    return result;
}

boolean matches(List<Pattern> patterns, String internalName) {
    return patterns.stream().anyMatch(p -> p.matcher(internalName).matches());
}

record Compiled(
        String name,
        String superName,
        Set<AccessFlag> flags,
        List<String> annotations,
        List<String> methodAnnotations) {

    static Compiled of(ClassModel model) {
        List<String> methodAnnotations = new ArrayList<>();
        for (MethodModel method : model.methods()) {
            method.findAttribute(Attributes.runtimeVisibleAnnotations())
                    .ifPresent(a -> a.annotations().forEach(an -> methodAnnotations.add(descriptor(an))));
        }
        List<String> annotations = model.findAttribute(Attributes.runtimeVisibleAnnotations())
                .map(a -> a.annotations().stream().map(Compiled::descriptor).toList())
                .orElse(List.of());
        return new Compiled(
                model.thisClass().asInternalName(),
                model.superclass().map(s -> s.asInternalName()).orElse(""),
                model.flags().flags(),
                annotations,
                methodAnnotations);
    }

    private static String descriptor(Annotation annotation) {
        return annotation.className().stringValue();
    }

    boolean isAbstract() {
        return flags.contains(AccessFlag.ABSTRACT);
    }

    boolean isInterface() {
        return flags.contains(AccessFlag.INTERFACE);
    }

    boolean isAnnotation() {
        return flags.contains(AccessFlag.ANNOTATION);
    }
}

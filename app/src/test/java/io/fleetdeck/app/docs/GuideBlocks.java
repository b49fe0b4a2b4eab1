package io.fleetdeck.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of a guide in {@code docs/} that a test runs: each is a fenced block right after an HTML comment
 * {@code <!-- tested: KEY -->} (or {@code <!-- tested: KEY FILE -->} for a source file the reader saves as FILE), so
 * what a reader copies is what the test ran.
 */
public final class GuideBlocks {

    private static final Pattern MARKED = Pattern.compile(
            "<!-- tested: (\\S+)(?: (\\S+))? -->\\R```[a-z]*\\R(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);

    /** One marked block: its key, the file name the guide saves it as (or empty), and its text. */
    public record Block(String key, String file, String text) {}

    private final Path guide;
    private final Map<String, Block> blocks;

    private GuideBlocks(Path guide, Map<String, Block> blocks) {
        this.guide = guide;
        this.blocks = blocks;
    }

    /** The guide {@code name} in the repository's {@code docs/}, as the tests of the app module find it. */
    public static Path guide(String name) {
        Path here = Path.of("").toAbsolutePath();
        Path docs = Files.isDirectory(here.resolve("docs")) ? here.resolve("docs") : here.resolveSibling("docs");
        return docs.resolve(name);
    }

    public static GuideBlocks read(Path guide) throws IOException {
        return of(guide, Files.readString(guide));
    }

    /** The blocks of {@code text}, read from {@code guide} after the caller changed what the guide says it may. */
    public static GuideBlocks of(Path guide, String text) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        Matcher matcher = MARKED.matcher(text);
        while (matcher.find()) {
            String file = matcher.group(2) == null ? "" : matcher.group(2);
            Block previous = blocks.put(
                    matcher.group(1),
                    new Block(matcher.group(1), file, matcher.group(3).strip()));
            assertThat(previous)
                    .as("%s marks '%s' once", guide, matcher.group(1))
                    .isNull();
        }
        return new GuideBlocks(guide, blocks);
    }

    public Block block(String key) {
        Block block = blocks.get(key);
        assertThat(block)
                .as("%s has a code block marked <!-- tested: %s -->; it has %s", guide, key, blocks.keySet())
                .isNotNull();
        return block;
    }

    public List<Block> all() {
        return List.copyOf(blocks.values());
    }

    /** The blocks whose key starts with {@code prefix}, in the guide's order. */
    public List<Block> startingWith(String prefix) {
        return blocks.values().stream()
                .filter(block -> block.key().startsWith(prefix))
                .toList();
    }
}

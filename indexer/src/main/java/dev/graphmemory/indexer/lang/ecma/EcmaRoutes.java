package dev.graphmemory.indexer.lang.ecma;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Files a web framework loads by where they sit rather than by an import: file-system routes and
 * the framework's conventional modules. A rule applies only inside a package that depends on its
 * framework, so a {@code pages/} folder means nothing in a package without Next.js or Nuxt.
 *
 * <p>Paths are relative to the package's folder. Not covered: routes a configuration moves
 * elsewhere ({@code pageExtensions}, Nuxt's {@code dir} options, Remix's {@code routes()} in
 * {@code vite.config}), and frameworks not listed here.
 */
final class EcmaRoutes {
    private static final String CODE = "\\.(?:[cm]?[jt]sx?|vue|svelte|astro|mdx?)";

    /** One framework's convention: the entry kind it gives, when it applies, and which paths it reaches. */
    record Rule(String kind, Predicate<Set<String>> uses, Pattern paths) {}

    static final List<Rule> RULES = List.of(
            new Rule(
                    "nextjs_route",
                    deps -> deps.contains("next"),
                    Pattern.compile("(?:src/)?(?:app/(?:.*/)?(?:page|layout|route|loading|error|global-error|not-found"
                            + "|forbidden|unauthorized|template|default|opengraph-image|twitter-image|icon|apple-icon"
                            + "|sitemap|robots|manifest)" + CODE
                            + "|pages/.*" + CODE
                            + "|(?:middleware|proxy|instrumentation|instrumentation-client|mdx-components)" + CODE
                            + ")")),
            new Rule(
                    "remix_route",
                    deps -> deps.contains("@react-router/dev")
                            || deps.stream().anyMatch(d -> d.startsWith("@remix-run/")),
                    Pattern.compile(
                            "app/(?:root|routes|entry\\.client|entry\\.server)" + CODE + "|app/routes/.*" + CODE)),
            new Rule(
                    "sveltekit_route",
                    deps -> deps.contains("@sveltejs/kit"),
                    Pattern.compile("src/(?:routes/(?:.*/)?\\+[^/]*" + CODE
                            + "|hooks(?:\\.server|\\.client)?" + CODE + "|params/[^/]*" + CODE
                            + "|service-worker(?:/index)?" + CODE + ")")),
            new Rule(
                    "nuxt_convention",
                    deps -> deps.contains("nuxt") || deps.contains("nuxt3"),
                    Pattern.compile("(?:app/)?(?:(?:pages|layouts|plugins|middleware|composables|components|utils"
                            + "|modules)/.*" + CODE + "|(?:app|error|app\\.config)" + CODE + ")"
                            + "|server/.*" + CODE + "|shared/.*" + CODE)),
            new Rule(
                    "astro_page",
                    deps -> deps.contains("astro"),
                    Pattern.compile("src/(?:pages/.*" + CODE + "|middleware(?:/index)?" + CODE + "|actions/.*" + CODE
                            + "|content\\.config" + CODE + "|content/config" + CODE + ")")),
            new Rule(
                    "vitepress_theme",
                    deps -> deps.contains("vitepress"),
                    Pattern.compile("(?:.*/)?\\.vitepress/(?:config|theme/index)" + CODE)));

    private EcmaRoutes() {}

    /** The kinds of the rules that reach a file at {@code relative} in a package with these dependencies. */
    static List<String> kinds(String relative, Set<String> dependencies) {
        List<String> out = new ArrayList<>();
        for (Rule r : RULES) {
            if (r.uses().test(dependencies) && r.paths().matcher(relative).matches()) {
                out.add(r.kind());
            }
        }
        return out;
    }
}

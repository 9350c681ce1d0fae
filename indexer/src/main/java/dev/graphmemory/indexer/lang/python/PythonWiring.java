package dev.graphmemory.indexer.lang.python;

import dev.graphmemory.indexer.lang.RepoPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Modules that frameworks import by a dotted name written in a string, read from the text (not
 * evaluated). In a Django settings module (one that assigns {@code INSTALLED_APPS} or
 * {@code ROOT_URLCONF}), every string that is a dotted name: {@code INSTALLED_APPS} entries and
 * their {@code AppConfig} paths, {@code MIDDLEWARE}, {@code ROOT_URLCONF},
 * {@code WSGI_APPLICATION}, {@code ASGI_APPLICATION}, {@code AUTHENTICATION_BACKENDS}, template
 * {@code context_processors} and the rest; lists assigned to a name ending in {@code APPS} are
 * installed apps, whose conventional modules Django loads ({@link #APP_MODULES},
 * {@link #APP_FOLDERS}). In any module: {@code include("app.urls")}, {@code import_module},
 * {@code __import__}, {@code import_string}, {@code DJANGO_SETTINGS_MODULE}, Celery's {@code include=[...]} and
 * {@code autodiscover_tasks([...])} (whose packages' {@code tasks} modules Celery loads),
 * {@code pytest_plugins}, and {@code "module:attr"} given to {@code uvicorn.run} and the like.
 * In deployment files ({@code Dockerfile}, {@code Procfile}, compose files, shell scripts), the
 * {@code module:attr} an ASGI/WSGI server or Celery worker is started with.
 *
 * <p>Each name is kept as written; {@code app:} marks an installed app, {@code tasks:} a Celery
 * package. Not covered: names built at run time, settings split over modules that do not assign
 * those keys themselves, and other frameworks' string registries.
 */
final class PythonWiring {
    /** Modules of an installed app that Django itself imports. */
    static final List<String> APP_MODULES = List.of("models", "admin", "apps", "tasks", "signals", "checks");
    /** Folders of an installed app whose modules Django discovers. */
    static final List<String> APP_FOLDERS = List.of("migrations", "management/commands", "templatetags");

    private static final String DOTTED = "[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*";
    private static final Pattern SETTINGS = Pattern.compile("(?m)^\\s*(?:INSTALLED_APPS|ROOT_URLCONF)\\s*[+]?=");
    private static final Pattern STRING = Pattern.compile("([\"'])(" + DOTTED + ")\\1");
    private static final Pattern APPS_LIST = Pattern.compile("(?m)^\\s*\\w*APPS\\s*[+]?=\\s*[\\[(]");
    private static final Pattern SETTINGS_MODULE =
            Pattern.compile("DJANGO_SETTINGS_MODULE[\"']?\\s*[,=:]\\s*[\"'](" + DOTTED + ")[\"']");
    private static final Pattern LIST_KEYWORD = Pattern.compile("\\b(include|pytest_plugins)\\s*=\\s*([\\[(]|[\"'])");
    private static final Pattern AUTODISCOVER = Pattern.compile("\\bautodiscover_tasks\\s*\\(\\s*([\\[(])");
    private static final Pattern APP_ATTR = Pattern.compile("[\"'](" + DOTTED + "):[A-Za-z_]\\w*[\"']");
    private static final Pattern SERVER =
            Pattern.compile("\\b(?:uvicorn|gunicorn|hypercorn|daphne|granian|waitress-serve|celery)\\b[^\\n]*");
    private static final Pattern SERVER_ARG = Pattern.compile("(" + DOTTED + ")(:[A-Za-z_]\\w*(?:\\(\\))?)?");

    private PythonWiring() {}

    /** Calls whose first argument, a dotted-name string, names a module to import. */
    private static final List<String> CALLS =
            List.of("include(", "import_module(", "__import__(", "import_string(", "load_backend(", "path_to_class(");

    private static final Pattern CALL_STRING = Pattern.compile("\\s*(?:\\(\\s*)?[\"'](" + DOTTED + ")[\"']");
    private static final List<String> SERVERS = List.of("uvicorn", "gunicorn", "hypercorn", "granian", "daphne");

    /**
     * The names a Python module wires by string. Each pattern runs only where a plain substring
     * search found its keyword: this runs on every Python file, and most hold none of them.
     */
    static List<String> fromSource(String text) {
        List<String> out = new ArrayList<>();
        if ((text.contains("INSTALLED_APPS") || text.contains("ROOT_URLCONF"))
                && SETTINGS.matcher(text).find()) {
            Matcher apps = APPS_LIST.matcher(text);
            while (apps.find()) {
                stringsIn(text, apps.end(), "app:", out);
            }
            Matcher s = STRING.matcher(text);
            while (s.find()) {
                if (s.group(2).contains(".")) {
                    add(out, s.group(2));
                }
            }
        }
        for (String call : CALLS) {
            for (int at = text.indexOf(call); at >= 0; at = text.indexOf(call, at + 1)) {
                if (at > 0 && (Character.isJavaIdentifierPart(text.charAt(at - 1)))) {
                    continue;
                }
                Matcher m = CALL_STRING.matcher(text).region(at + call.length(), text.length());
                if (m.lookingAt()) {
                    add(out, m.group(1));
                }
            }
        }
        if (text.contains("DJANGO_SETTINGS_MODULE")) {
            Matcher m = SETTINGS_MODULE.matcher(text);
            while (m.find()) {
                add(out, m.group(1));
            }
        }
        if (SERVERS.stream().anyMatch(text::contains)) {
            Matcher m = APP_ATTR.matcher(text);
            while (m.find()) {
                add(out, m.group(1));
            }
        }
        if (text.contains("include") || text.contains("pytest_plugins")) {
            Matcher kw = LIST_KEYWORD.matcher(text);
            while (kw.find()) {
                if (kw.group(2).length() == 1 && "[(".contains(kw.group(2))) {
                    stringsIn(text, kw.end(), "", out);
                } else {
                    Matcher one = STRING.matcher(text).region(kw.end() - 1, text.length());
                    if (one.lookingAt()) {
                        add(out, one.group(2));
                    }
                }
            }
        }
        if (!text.contains("autodiscover_tasks")) {
            return out;
        }
        Matcher auto = AUTODISCOVER.matcher(text);
        while (auto.find()) {
            stringsIn(text, auto.end(), "tasks:", out);
        }
        return out;
    }

    private static final Pattern SERVES = Pattern.compile("(?m)^\\w+\\s*=\\s*get_[aw]sgi_application\\(");

    /**
     * Whether the module builds, at module level, the WSGI/ASGI application a server loads
     * ({@code application = get_wsgi_application()}: Django's {@code wsgi.py} and {@code asgi.py}).
     */
    static boolean servesApplication(String text) {
        return text.contains("sgi_application(") && SERVES.matcher(text).find();
    }

    /** Whether a deployment file that may start a Python server is read. */
    static boolean deploymentFile(String path) {
        String name = RepoPath.fileName(path).toLowerCase(Locale.ROOT);
        return name.equals("dockerfile")
                || name.startsWith("dockerfile.")
                || name.endsWith(".dockerfile")
                || name.equals("procfile")
                || name.matches("(docker-)?compose(\\.[\\w-]+)?\\.ya?ml")
                || name.endsWith(".sh");
    }

    /**
     * The modules a deployment file starts a server or worker from: on a line that runs an ASGI/WSGI
     * server, every argument that is a dotted name, with or without {@code :attr}
     * ({@code pkg.main:app}, gunicorn's {@code mysite.wsgi}); Celery's {@code -A proj}.
     */
    static List<String> fromDeployment(String text) {
        List<String> out = new ArrayList<>();
        Matcher line = SERVER.matcher(text);
        while (line.find()) {
            String previous = "";
            for (String token : line.group().split("[\\s\"',\\[\\]=]+")) {
                Matcher app = SERVER_ARG.matcher(token);
                if (app.matches()) {
                    if (previous.equals("-A") || previous.equals("--app")) {
                        add(out, "tasks:" + app.group(1));
                    } else if (app.group(2) != null || app.group(1).contains(".")) {
                        add(out, app.group(1));
                    }
                }
                previous = token;
            }
        }
        return out;
    }

    /** Adds every dotted-name string in the bracketed list opening just before {@code from}. */
    private static void stringsIn(String text, int from, String prefix, List<String> out) {
        int depth = 1;
        int i = from;
        while (i < text.length() && depth > 0) {
            char c = text.charAt(i);
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                Matcher s = STRING.matcher(text).region(i, text.length());
                if (s.lookingAt()) {
                    add(out, prefix + s.group(2));
                    i = s.end();
                    continue;
                }
                int close = text.indexOf(c, i + 1);
                i = close < 0 ? text.length() : close;
            }
            i++;
        }
    }

    private static void add(List<String> out, String name) {
        if (!out.contains(name)) {
            out.add(name);
        }
    }
}

package dev.graphmemory.indexer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.lang.PluginRun;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Modules frameworks import by a name in a string: Django settings, URL includes, the settings
 * module, Celery, pytest plugins, and the apps ASGI/WSGI servers are started with (fixture
 * {@code django-site}: the project {@code django-admin startproject} and {@code startapp} make,
 * wired as the Django tutorial wires it, with a Celery worker, a Dockerfile and a Procfile).
 */
class PythonWiringTest {
    private static PluginRun run;

    @BeforeAll
    static void index() {
        run = PluginRun.of(new PythonLanguagePlugin(), "django-site");
    }

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of(
                        "ROOT_URLCONF = 'site.urls'\nWSGI_APPLICATION = 'site.wsgi.application'\n",
                        List.of("site.urls", "site.wsgi.application")),
                Arguments.of(
                        "INSTALLED_APPS = [\n  'django.contrib.admin',  # built in\n  \"shop\",\n]\n",
                        List.of("app:django.contrib.admin", "app:shop", "django.contrib.admin")),
                Arguments.of(
                        "LOCAL_APPS = ('users.apps.UsersConfig',)\nINSTALLED_APPS = DJANGO_APPS + LOCAL_APPS\n",
                        List.of("app:users.apps.UsersConfig", "users.apps.UsersConfig")),
                Arguments.of(
                        "ROOT_URLCONF = 'u'\nMIDDLEWARE = ['core.mw.Timing']\nTEMPLATES = [{'OPTIONS': {'context_processors': ['core.ctx.site']}}]\n",
                        List.of("core.mw.Timing", "core.ctx.site")),
                Arguments.of(
                        "urlpatterns = [path('a/', include('shop.urls')), path('b/', include(('blog.urls', 'blog')))]\n",
                        List.of("shop.urls", "blog.urls")),
                Arguments.of(
                        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings.prod')\n",
                        List.of("site.settings.prod")),
                Arguments.of(
                        "mod = importlib.import_module(\"plugins.fast\")\ncls = import_string('core.backends.Mail')\n",
                        List.of("plugins.fast", "core.backends.Mail")),
                Arguments.of(
                        "drivers = __import__('db.drivers.pg', fromlist=['connect'])\nmod = import_module(name)\n",
                        List.of("db.drivers.pg")),
                Arguments.of("x = my__import__('a.b')\nreimport_module('c.d')\n", List.of()),
                Arguments.of(
                        "app = Celery('w', include=['w.jobs', 'w.mail'])\napp.autodiscover_tasks(['shop'])\n",
                        List.of("w.jobs", "w.mail", "tasks:shop")),
                Arguments.of("pytest_plugins = ['tests.fixtures.db']\n", List.of("tests.fixtures.db")),
                Arguments.of("uvicorn.run(\"svc.main:app\", reload=True)\n", List.of("svc.main")),
                // not settings: a plain dotted string is no wiring
                Arguments.of("LOGGER = logging.getLogger('shop.views')\nNAME = 'a.b'\n", List.of()));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("sources")
    void readsTheNamesASourceWiresByString(String text, List<String> expected) {
        assertThat(PythonWiring.fromSource(text)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> deployments() {
        return Stream.of(
                Arguments.of(
                        "CMD [\"uvicorn\", \"app.main:app\", \"--host\", \"0.0.0.0\", \"--port\", \"80\"]",
                        List.of("app.main")),
                Arguments.of("web: gunicorn mysite.wsgi --log-file -", List.of("mysite.wsgi")),
                Arguments.of(
                        "ENTRYPOINT gunicorn -k uvicorn.workers.UvicornWorker -b 0.0.0.0:80 svc.asgi:application",
                        List.of("uvicorn.workers.UvicornWorker", "svc.asgi")),
                Arguments.of("    command: celery --app=proj worker -l INFO", List.of("tasks:proj")),
                Arguments.of("exec daphne -p 8001 chat.asgi:application", List.of("chat.asgi")),
                Arguments.of("RUN pip install -r requirements.txt", List.of()));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("deployments")
    void readsTheAppsDeploymentFilesStart(String text, List<String> expected) {
        assertThat(PythonWiring.fromDeployment(text)).containsExactlyElementsOf(expected);
    }

    @Test
    void linksADjangoProjectAsDjangoLoadsIt() {
        Set<String> byName = new TreeSet<>();
        for (EdgeRow e : run.edges) {
            if (e.type() == RelType.IMPORTS
                    && Boolean.TRUE.equals(e.properties().get("by_name"))) {
                byName.add(e.fromId().substring(e.fromId().lastIndexOf(':') + 1) + " -> "
                        + e.toId().substring(e.toId().lastIndexOf(':') + 1));
            }
        }
        assertThat(byName)
                .contains(
                        "manage.py -> mysite/settings.py",
                        "mysite/settings.py -> mysite/urls.py",
                        "mysite/settings.py -> mysite/wsgi.py",
                        "mysite/settings.py -> polls/apps.py",
                        "mysite/settings.py -> polls/models.py",
                        "mysite/settings.py -> polls/admin.py",
                        "mysite/settings.py -> polls/tasks.py",
                        "mysite/settings.py -> polls/migrations/0001_initial.py",
                        "mysite/settings.py -> polls/management/commands/close_poll.py",
                        "mysite/settings.py -> polls/templatetags/poll_extras.py",
                        "mysite/urls.py -> polls/urls.py",
                        "worker/celery.py -> worker/jobs.py",
                        "worker/celery.py -> polls/tasks.py")
                .noneMatch(edge -> edge.endsWith("polls/unused_helpers.py"))
                // polls/urls.py imports views itself: the import statement's edge is not repeated
                .doesNotContain("polls/urls.py -> polls/views.py");
    }

    @Test
    void marksTheModulesServersStart() {
        Set<String> servers = new TreeSet<>();
        for (NodeUpdate u : run.updates) {
            if (u.addType() == NodeType.CLI_ENTRY
                    && ((List<?>) u.properties().get("entry_kinds")).contains("server_app")) {
                servers.add(u.id().substring(u.id().lastIndexOf(':') + 1));
            }
        }
        // the Dockerfile's and Procfile's gunicorn mysite.wsgi, Celery's -A worker
        assertThat(servers).containsExactlyInAnyOrder("mysite/wsgi.py", "worker/__init__.py", "worker/celery.py");
        // asgi.py builds the application an ASGI server loads
        assertThat(run.module("mysite/asgi.py").properties().get("entry_kinds")).isEqualTo(List.of("server_app"));
        assertThat(run.module("polls/views.py").properties()).doesNotContainKey("entry_kinds");
    }
}

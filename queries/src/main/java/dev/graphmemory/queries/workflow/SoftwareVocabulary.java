package dev.graphmemory.queries.workflow;

import java.util.Map;
import java.util.Set;

/**
 * The small, general-purpose word tables the duplicate-work text matcher uses: English stop words,
 * abbreviations common in software work ({@code auth} → {@code authentication}, {@code config} →
 * {@code configuration}, {@code db} → {@code database}), and a few verbs that name the same change
 * ({@code upgrade}, {@code bump} and {@code update}).
 *
 * <p>Design note: the tables are deliberately short and project-neutral. Abbreviations are expanded
 * before stemming, synonyms are mapped after it (on stems), so each entry covers every inflection.
 */
final class SoftwareVocabulary {
    private SoftwareVocabulary() {}

    /** Words that carry no topic. */
    static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "then", "else", "of", "to", "in", "on", "at", "by", "for",
            "with", "from", "into", "onto", "over", "under", "as", "is", "are", "was", "were", "be", "been", "being",
            "it", "its", "this", "that", "these", "those", "there", "here", "not", "no", "nor", "so", "too", "very",
            "can", "could", "should", "would", "will", "shall", "may", "might", "must", "do", "does", "did", "done",
            "doing", "have", "has", "had", "having", "i", "we", "you", "he", "she", "they", "them", "our", "your",
            "their", "my", "me", "us", "him", "her", "his", "what", "which", "who", "whom", "when", "where", "why",
            "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "only", "own", "same",
            "than", "just", "also", "via", "per", "using", "use", "used", "while", "after", "before", "about",
            "against", "between", "through", "during", "without", "within", "upon", "out", "up", "down", "off", "again",
            "further", "once", "get", "gets", "got");

    /** Abbreviation → the word it stands for (applied to whole lowercase words before stemming). */
    static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("auth", "authentication"),
            Map.entry("authn", "authentication"),
            Map.entry("authz", "authorization"),
            Map.entry("config", "configuration"),
            Map.entry("configs", "configuration"),
            Map.entry("conf", "configuration"),
            Map.entry("cfg", "configuration"),
            Map.entry("db", "database"),
            Map.entry("dbs", "database"),
            Map.entry("repo", "repository"),
            Map.entry("repos", "repository"),
            Map.entry("dir", "directory"),
            Map.entry("dirs", "directory"),
            Map.entry("doc", "documentation"),
            Map.entry("docs", "documentation"),
            Map.entry("impl", "implementation"),
            Map.entry("env", "environment"),
            Map.entry("envs", "environment"),
            Map.entry("perf", "performance"),
            Map.entry("msg", "message"),
            Map.entry("msgs", "message"),
            Map.entry("err", "error"),
            Map.entry("errs", "error"),
            Map.entry("exc", "exception"),
            Map.entry("init", "initialize"),
            Map.entry("dep", "dependency"),
            Map.entry("deps", "dependency"),
            Map.entry("tmp", "temporary"),
            Map.entry("temp", "temporary"),
            Map.entry("info", "information"),
            Map.entry("stats", "statistics"),
            Map.entry("spec", "specification"),
            Map.entry("param", "parameter"),
            Map.entry("params", "parameter"),
            Map.entry("arg", "argument"),
            Map.entry("args", "argument"),
            Map.entry("func", "function"),
            Map.entry("fn", "function"),
            Map.entry("util", "utility"),
            Map.entry("utils", "utility"),
            Map.entry("lib", "library"),
            Map.entry("libs", "library"),
            Map.entry("pkg", "package"),
            Map.entry("req", "request"),
            Map.entry("resp", "response"),
            Map.entry("conn", "connection"),
            Map.entry("ctx", "context"),
            Map.entry("ver", "version"),
            Map.entry("mem", "memory"),
            Map.entry("prop", "property"),
            Map.entry("props", "property"),
            Map.entry("attr", "attribute"),
            Map.entry("attrs", "attribute"),
            Map.entry("var", "variable"),
            Map.entry("vars", "variable"),
            Map.entry("idx", "index"),
            Map.entry("tx", "transaction"),
            Map.entry("txn", "transaction"),
            Map.entry("async", "asynchronous"),
            Map.entry("fs", "filesystem"),
            Map.entry("perm", "permission"),
            Map.entry("perms", "permission"),
            Map.entry("admin", "administrator"),
            Map.entry("cmd", "command"),
            Map.entry("k8s", "kubernetes"),
            Map.entry("js", "javascript"),
            Map.entry("py", "python"),
            Map.entry("regex", "regexp"),
            Map.entry("src", "source"),
            Map.entry("dest", "destination"),
            Map.entry("dst", "destination"),
            Map.entry("addr", "address"),
            Map.entry("buf", "buffer"),
            Map.entry("len", "length"),
            Map.entry("str", "string"),
            Map.entry("obj", "object"),
            Map.entry("proc", "process"),
            Map.entry("svc", "service"),
            Map.entry("srv", "server"),
            Map.entry("cert", "certificate"),
            Map.entry("certs", "certificate"),
            Map.entry("creds", "credential"),
            Map.entry("cred", "credential"),
            Map.entry("pwd", "password"),
            Map.entry("passwd", "password"),
            Map.entry("mgr", "manager"),
            Map.entry("ref", "reference"),
            Map.entry("refs", "reference"),
            Map.entry("op", "operation"),
            Map.entry("ops", "operation"));

    /** Stem → the stem it is matched as: different words for the same change. */
    static final Map<String, String> SYNONYM_STEMS = Map.of(
            "upgrad", "updat",
            "bump", "updat",
            "delet", "remov",
            "drop", "remov",
            "failur", "fail");
}

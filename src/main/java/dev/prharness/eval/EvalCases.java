package dev.prharness.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads review cases: the ones built into the jar ({@code eval/cases/}, listed in its {@code index.txt}), or every
 * {@code *.yml} file of a folder, in name order. A case file is YAML: {@code summary}, {@code description}
 * (optional), {@code category}, {@code files} (path: content at the base), {@code change} (a list of path, find,
 * replace) and {@code defect} (path, at; left out for a clean change).
 */
public final class EvalCases {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EvalCases() {}

    /** The file's shape, as written. */
    private record CaseFile(String summary, String description, String category, Map<String, String> files,
            List<EvalCase.Edit> change, @JsonProperty("defect") EvalCase.Seeded defect) {}

    public static List<EvalCase> builtIn() {
        List<EvalCase> cases = new ArrayList<>();
        for (String name : resource("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            cases.add(parse(name, resource(name)));
        }
        return cases;
    }

    public static List<EvalCase> from(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new EvalCaseException("--cases " + folder + " is not a folder; give a folder of *.yml case files");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new EvalCaseException("cannot list --cases " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new EvalCaseException("--cases " + folder + " holds no *.yml case files");
        }
        List<EvalCase> cases = new ArrayList<>();
        for (Path file : files) {
            try {
                cases.add(parse(file.getFileName().toString(), Files.readString(file)));
            } catch (IOException e) {
                throw new EvalCaseException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return cases;
    }

    static EvalCase parse(String fileName, String yaml) {
        String name = fileName.replaceFirst("\\.yml$", "");
        CaseFile file;
        try {
            file = YAML.readValue(yaml, CaseFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new EvalCaseException(fileName + ": unknown key '" + e.getPropertyName() + "'; a case has summary, "
                    + "description, category, files, change and defect", e);
        } catch (JsonProcessingException e) {
            throw new EvalCaseException(fileName + ": not a valid case file: " + e.getOriginalMessage(), e);
        }
        if (file == null || file.summary() == null || file.category() == null || file.files() == null
                || file.files().isEmpty() || file.change() == null || file.change().isEmpty()) {
            throw new EvalCaseException(fileName + ": a case needs summary, category, files and at least one change");
        }
        if (file.category().equals(EvalCase.CLEAN) != (file.defect() == null)) {
            throw new EvalCaseException(fileName + ": a clean case has no defect, and any other category has one");
        }
        EvalCase evalCase = new EvalCase(name, file.summary(), file.description() == null ? "" : file.description(),
                file.category(), file.files(), file.change(), Optional.ofNullable(file.defect()));
        evalCase.head();
        evalCase.expected();
        return evalCase;
    }

    private static String resource(String name) {
        try (InputStream in = EvalCases.class.getResourceAsStream("/eval/cases/" + name)) {
            if (in == null) {
                throw new IllegalStateException("eval/cases/" + name + " is missing from the jar; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read eval/cases/" + name, e);
        }
    }
}

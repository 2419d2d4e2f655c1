package io.wenzheng.routing.classifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Labelled petitions as a trainer needs them: the vocabulary (features in at least {@code minDocumentFrequency}
 * petitions, sorted), their IDF, each petition's TF-IDF vector and its category's index.
 *
 * @param idf each feature's IDF, times {@code subjectWeight} for subject n-grams (a weight applied before the vector is
 *            normalised, so it is exactly a scaling of the IDF)
 */
record TrainingSet(List<String> categories, String[] features, Map<String, Integer> vocabulary, float[] idf,
                   CategoryModel.SparseVector[] x, int[] y) {

    static TrainingSet of(List<LabelledPetition> examples, int maxN, boolean words, int minDocumentFrequency, double subjectWeight,
                          CategoryTrainer.Progress progress) {
        List<Map<String, Integer>> counts = new ArrayList<>(examples.size());
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            LabelledPetition e = examples.get(i);
            Map<String, Integer> c = TextFeatures.counts(e.subject(), e.body(), maxN, words);
            counts.add(c);
            c.keySet().forEach(f -> documentFrequency.merge(f, 1, Integer::sum));
            if ((i + 1) % 1000 == 0 || i + 1 == examples.size()) {
                progress.step("features", i + 1, examples.size());
            }
        }
        String[] features = documentFrequency.entrySet().stream()
                .filter(e -> e.getValue() >= minDocumentFrequency)
                .map(Map.Entry::getKey).sorted().toArray(String[]::new);
        Map<String, Integer> vocabulary = new HashMap<>(features.length * 2);
        float[] idf = new float[features.length];
        int n = examples.size();
        for (int i = 0; i < features.length; i++) {
            vocabulary.put(features[i], i);
            double weight = features[i].charAt(0) == TextFeatures.SUBJECT_MARK ? subjectWeight : 1.0;
            idf[i] = (float) ((Math.log((1.0 + n) / (1.0 + documentFrequency.get(features[i]))) + 1) * weight);
        }
        List<String> categories = new ArrayList<>(new TreeSet<>(examples.stream().map(LabelledPetition::category).toList()));
        Map<String, Integer> classIndex = new HashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            classIndex.put(categories.get(c), c);
        }
        CategoryModel.SparseVector[] x = new CategoryModel.SparseVector[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = CategoryModel.vectorise(counts.get(i), vocabulary, idf);
            y[i] = classIndex.get(examples.get(i).category());
        }
        return new TrainingSet(categories, features, vocabulary, idf, x, y);
    }
}

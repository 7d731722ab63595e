package dev.digitlab.io.keras;

import dev.digitlab.nn.LayerSpec;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DigitLab network as Keras layers, as tf.keras 2 describes a Sequential model: the
 * {@code model_config} object, the layer names in order and each weighted layer's arrays
 * ({@code kernel}, {@code bias}) shaped as Keras holds them. Keras computes channels-last, so a dense
 * layer after a flattened multi-channel image gets its kernel rows reordered to Keras's
 * {@code (row, column, channel)}; conv kernels are already in Keras's {@code [kh][kw][in][out]}.
 *
 * @param config     the {@code model_config} as maps and lists, for Gson
 * @param layerNames every layer after the input, in order
 * @param weights    by layer name: {@code kernel} and {@code bias} as float arrays of Keras's shapes
 */
record KerasExport(Map<String, Object> config, List<String> layerNames, Map<String, Map<String, Object>> weights) {

    static KerasExport of(Network network) {
        return new Builder(network).build();
    }

    /** Builds a {@link KerasExport} layer by layer. */
    private static final class Builder {

        private final Network network;
        private final ModelSpec spec;
        private final List<Map<String, Object>> layers = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final Map<String, Map<String, Object>> weights = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        /** DigitLab's shape of the current value: {@code [n]} or {@code [c, h, w]}. */
        private int[] shape;
        private boolean image;
        /** DigitLab's {@code [c, h, w]} image flattened for the next dense layer, until it takes it. */
        private int[] flattenedImage;
        private int dense;
        private int conv;

        Builder(Network network) {
            this.network = network;
            this.spec = network.spec();
            this.shape = new int[] {spec.inputs()};
        }

        KerasExport build() {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("batch_input_shape", java.util.Arrays.asList(null, spec.inputs()));
            input.put("dtype", "float32");
            input.put("sparse", false);
            input.put("ragged", false);
            input.put("name", "input_1");
            layers.add(Map.of("class_name", "InputLayer", "config", input));
            for (LayerSpec layer : spec.layers()) {
                add(layer);
            }
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("name", "sequential");
            config.put("layers", layers);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("class_name", "Sequential");
            root.put("config", config);
            return new KerasExport(root, List.copyOf(names), weights);
        }

        private void add(LayerSpec layer) {
            switch (layer.kind()) {
                case CONV2D -> {
                    toImage();
                    convLayer(layer);
                }
                case MAXPOOL2D -> {
                    toImage();
                    Map<String, Object> c = config("max_pooling2d");
                    c.put("pool_size", List.of(layer.poolSize(), layer.poolSize()));
                    c.put("padding", "valid");
                    c.put("strides", List.of(layer.poolSize(), layer.poolSize()));
                    c.put("data_format", "channels_last");
                    add("MaxPooling2D", c);
                }
                case FLATTEN -> toFlat();
                case DROPOUT -> {
                    Map<String, Object> c = config("dropout");
                    c.put("rate", layer.rate());
                    c.put("noise_shape", null);
                    c.put("seed", null);
                    add("Dropout", c);
                }
                case DENSE -> denseLayer(layer);
                default -> throw new IllegalArgumentException("no Keras layer for '" + layer + "'");
            }
            shape = layer.outputShape(shape);
        }

        private void denseLayer(LayerSpec layer) {
            toFlat();
            int[] flattened = flattenedImage;
            flattenedImage = null;
            String name = "dense_" + dense++;
            float[] w = network.parameterValues(name + "/W");
            int rows = w.length / layer.units();
            if (flattened != null && flattened[0] > 1) {
                w = channelsLastRows(w, layer.units(), flattened);
            }
            Map<String, Object> c = config("dense");
            c.put("units", layer.units());
            boolean leaky = "leaky_relu".equals(layer.activation());
            c.put("activation", leaky ? "linear" : layer.activation());
            c.put("use_bias", true);
            initializers(c);
            weights.put((String) c.get("name"), kernelAndBias(matrix(w, rows, layer.units()),
                    network.parameterValues(name + "/b")));
            add("Dense", c);
            if (leaky) {
                leakyRelu();
            }
        }

        private void convLayer(LayerSpec layer) {
            String name = "conv2d_" + conv++;
            Parameter p = network.parameters().stream().filter(x -> x.name().equals(name + "/W")).findFirst()
                    .orElseThrow();
            Map<String, Object> c = config("conv2d");
            c.put("filters", layer.filters());
            c.put("kernel_size", List.of(layer.kernelHeight(), layer.kernelWidth()));
            c.put("strides", List.of(1, 1));
            c.put("padding", layer.padding());
            c.put("data_format", "channels_last");
            c.put("dilation_rate", List.of(1, 1));
            c.put("groups", 1);
            boolean leaky = "leaky_relu".equals(layer.activation());
            c.put("activation", leaky ? "linear" : layer.activation());
            c.put("use_bias", true);
            initializers(c);
            weights.put((String) c.get("name"), kernelAndBias(kernel4(network.parameterValues(name + "/W"), p.shape()),
                    network.parameterValues(name + "/b")));
            add("Conv2D", c);
            if (leaky) {
                leakyRelu();
            }
        }

        /** tf.keras 2 has no leaky_relu activation name: a LeakyReLU layer of the same slope. */
        private void leakyRelu() {
            Map<String, Object> c = config("leaky_re_lu");
            c.put("alpha", 0.2);
            add("LeakyReLU", c);
        }

        private void toImage() {
            if (!image) {
                int side = (int) Math.round(Math.sqrt(shape[0]));
                Map<String, Object> c = config("reshape");
                c.put("target_shape", List.of(side, side, 1));
                add("Reshape", c);
                image = true;
            }
        }

        private void toFlat() {
            if (image) {
                flattenedImage = shape.clone();
                Map<String, Object> c = config("flatten");
                c.put("data_format", "channels_last");
                add("Flatten", c);
                image = false;
            }
        }

        private Map<String, Object> config(String base) {
            int n = counts.merge(base, 1, Integer::sum) - 1;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", n == 0 ? base : base + "_" + n);
            c.put("trainable", true);
            c.put("dtype", "float32");
            return c;
        }

        private void add(String className, Map<String, Object> config) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("class_name", className);
            layer.put("config", config);
            layers.add(layer);
            names.add((String) config.get("name"));
        }

        private static void initializers(Map<String, Object> c) {
            c.put("kernel_initializer", Map.of("class_name", "GlorotUniform", "config", seedNull()));
            c.put("bias_initializer", Map.of("class_name", "Zeros", "config", Map.of()));
            for (String k : List.of("kernel_regularizer", "bias_regularizer", "activity_regularizer",
                    "kernel_constraint", "bias_constraint")) {
                c.put(k, null);
            }
        }

        private static Map<String, Object> seedNull() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", null);
            return m;
        }

        private static Map<String, Object> kernelAndBias(Object kernel, float[] bias) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kernel", kernel);
            m.put("bias", bias);
            return m;
        }

        private static float[][] matrix(float[] flat, int rows, int cols) {
            float[][] m = new float[rows][cols];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(flat, r * cols, m[r], 0, cols);
            }
            return m;
        }

        private static float[][][][] kernel4(float[] flat, int[] s) {
            float[][][][] k = new float[s[0]][s[1]][s[2]][s[3]];
            int i = 0;
            for (int a = 0; a < s[0]; a++) {
                for (int b = 0; b < s[1]; b++) {
                    for (int c = 0; c < s[2]; c++) {
                        System.arraycopy(flat, i, k[a][b][c], 0, s[3]);
                        i += s[3];
                    }
                }
            }
            return k;
        }

        /** DigitLab's {@code (channel, row, column)} kernel rows in Keras's {@code (row, column, channel)} order. */
        private static float[] channelsLastRows(float[] w, int units, int[] image) {
            int c = image[0];
            int h = image[1];
            int wd = image[2];
            float[] out = new float[w.length];
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < wd; x++) {
                        int digitlab = (ch * h + y) * wd + x;
                        int keras = (y * wd + x) * c + ch;
                        System.arraycopy(w, digitlab * units, out, keras * units, units);
                    }
                }
            }
            return out;
        }
    }
}

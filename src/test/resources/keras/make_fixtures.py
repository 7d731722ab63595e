#!/usr/bin/env python3
"""Makes the Keras fixture files of KerasReaderTest with h5py, in each layout Keras writes, plus
damaged ones; computes each good file's expected probabilities with keras_forward.py (numpy,
float64) and saves them beside it as <file>.expected.json. Run from this folder:
    /usr/bin/python3 make_fixtures.py
The layouts copy real files: Keras 2.x (model_weights/dense/dense/kernel:0), Keras 3.2
(model_weights/dense_2/kernel), Keras 3.3+ (model_weights/dense/<model>/dense/kernel) and the
Keras 3 .keras zip (layers/<path>/vars/<i>, the vars group naming its layer in a "name" attribute).
"""
import io
import json
import zipfile

import h5py
import numpy as np

import keras_forward

RNG = np.random.default_rng(14)
STR = h5py.special_dtype(vlen=str)


def w(*shape, scale=None):
    scale = scale or np.sqrt(2.0 / np.prod(shape[:-1]))
    return (RNG.standard_normal(shape) * scale).astype(np.float32)


def dense(name, units, activation, keras3=True):
    return {"class_name": "Dense", "config": {"name": name, "units": units, "activation": activation,
                                               "use_bias": True, "trainable": True, "dtype": "float32"}}


def conv(name, filters, k, activation, padding):
    return {"class_name": "Conv2D", "config": {"name": name, "filters": filters, "kernel_size": [k, k],
                                                "strides": [1, 1], "padding": padding,
                                                "data_format": "channels_last", "dilation_rate": [1, 1],
                                                "groups": 1, "activation": activation, "use_bias": True}}


def layer(kind, name, **cfg):
    return {"class_name": kind, "config": dict(name=name, **cfg)}


def functional(name, layers, keras3):
    """A single-chain functional model_config; inbound nodes as Keras 2 or Keras 3 write them."""
    out = []
    previous = None
    for l in layers:
        l = dict(l, name=l["config"]["name"])
        if previous is None:
            l["inbound_nodes"] = []
        elif keras3:
            l["inbound_nodes"] = [{"args": [{"class_name": "__keras_tensor__", "config": {
                "shape": [None], "dtype": "float32", "keras_history": [previous, 0, 0]}}], "kwargs": {}}]
        else:
            l["inbound_nodes"] = [[[previous, 0, 0, {}]]]
        previous = l["name"]
        out.append(l)
    return {"class_name": "Functional", "config": {"name": name, "layers": out,
                                                   "input_layers": [[layers[0]["config"]["name"], 0, 0]],
                                                   "output_layers": [[previous, 0, 0]]}}


def weights_of(layers):
    """Random weights for every weighted layer, shaped from the config (channels-last)."""
    shape = keras_forward.input_shape(layers)
    out = {}
    for l in layers:
        kind, cfg, name = l["class_name"], l["config"], l["config"]["name"]
        if kind == "Dense":
            n = int(np.prod(shape))
            out[name] = {"kernel": w(n, cfg["units"]), "bias": w(cfg["units"], scale=0.1)}
            shape = (cfg["units"],)
        elif kind == "Conv2D":
            k = cfg["kernel_size"][0]
            out[name] = {"kernel": w(k, k, shape[2], cfg["filters"]), "bias": w(cfg["filters"], scale=0.1)}
            shape = (shape[0] - (k - 1 if cfg["padding"] == "valid" else 0),
                     shape[1] - (k - 1 if cfg["padding"] == "valid" else 0), cfg["filters"])
        elif kind == "BatchNormalization":
            c = shape[-1]
            out[name] = {"gamma": (1 + 0.3 * RNG.standard_normal(c)).astype(np.float32),
                         "beta": (0.2 * RNG.standard_normal(c)).astype(np.float32),
                         "moving_mean": (0.3 * RNG.standard_normal(c)).astype(np.float32),
                         "moving_variance": (0.5 + RNG.random(c)).astype(np.float32)}
        elif kind == "MaxPooling2D":
            p = cfg["pool_size"][0]
            shape = (shape[0] // p, shape[1] // p, shape[2])
        elif kind == "Flatten":
            shape = (int(np.prod(shape)),)
        elif kind == "Reshape":
            shape = tuple(cfg["target_shape"])
    return out


def write_legacy(path, config, weights, version, nesting, model_name="sequential"):
    """A legacy .h5 as model.save writes it; nesting says where a weight lies below its layer group."""
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = version
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = json.dumps(config)
        root = f.create_group("model_weights")
        names = [l["config"]["name"] for l in keras_forward.chain(config) if l["class_name"] != "InputLayer"]
        root.attrs["layer_names"] = np.array([n.encode() for n in names])
        root.attrs["backend"] = "tensorflow"
        root.attrs["keras_version"] = version
        for name in names:
            g = root.create_group(name)
            found = weights.get(name, {})
            paths = [nesting.format(layer=name, model=model_name, weight=k) for k in found]
            g.attrs["weight_names"] = np.array([p.encode() for p in paths])
            for p, v in zip(paths, found.values()):
                g.create_dataset(p, data=v)


def write_keras(path, config, weights, version, name_attribute=True, drop=None):
    """A Keras 3 .keras zip: config.json, metadata.json, model.weights.h5 (vars under class-named paths)."""
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        counters = {}
        for l in keras_forward.chain(config):
            name = l["config"]["name"]
            if name not in weights:
                continue
            snake = {"Dense": "dense", "Conv2D": "conv2d", "BatchNormalization": "batch_normalization"}[l["class_name"]]
            n = counters.get(snake, 0)
            counters[snake] = n + 1
            g = f.create_group("layers/" + snake + ("" if n == 0 else "_" + str(n)) + "/vars")
            if name_attribute:
                g.attrs["name"] = name
            for i, v in enumerate(weights[name].values()):
                g.create_dataset(str(i), data=v)
        f.create_group("optimizer/vars")
    with zipfile.ZipFile(path, "w") as z:
        files = {"config.json": json.dumps(config),
                 "metadata.json": json.dumps({"keras_version": version, "date_saved": "2024-06-01@12:00:00"}),
                 "model.weights.h5": buffer.getvalue()}
        for k, v in files.items():
            if k != drop:
                z.writestr(k, v)


def expected(path, count=6):
    images = RNG.random((count, 784)).astype(np.float32)
    images[images < 0.6] = 0  # mostly background, as a digit is
    probs = keras_forward.probabilities(path, images.astype(np.float64))
    with open(path + ".expected.json", "w") as f:
        json.dump({"images": images.tolist(), "probabilities": probs.tolist()}, f)


def inputs(shape, name="input_layer", keras3=True):
    key = "batch_shape" if keras3 else "batch_input_shape"
    return layer("InputLayer", name, **{key: [None] + list(shape), "dtype": "float32"})


def main():
    # Keras 2.x: the tutorial's MLP, weights at model_weights/dense/dense/kernel:0.
    mlp2 = [inputs([784], "dense_input", keras3=False), dense("dense", 16, "relu"), dense("dense_1", 10, "softmax")]
    config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": mlp2}}
    write_legacy("mlp-keras2.h5", config, weights_of(mlp2), "2.10.0", "{layer}/{weight}:0")
    expected("mlp-keras2.h5")

    # Keras 3.2: Flatten of 28x28 first, weights at model_weights/dense_2/kernel; more activations.
    mlp3 = [inputs([28, 28]), layer("Flatten", "flatten_1", data_format="channels_last"),
            dense("dense_2", 12, "elu"), layer("Dropout", "dropout", rate=0.2), dense("dense_3", 8, "sigmoid"),
            dense("dense_4", 10, "linear"), layer("Activation", "activation", activation="softmax")]
    config = {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": mlp3}}
    write_legacy("mlp-keras3.2.h5", config, weights_of(mlp3), "3.2.1", "{weight}")
    expected("mlp-keras3.2.h5")

    # Keras 3.3+: functional CNN, weights at model_weights/conv2d/<model>/conv2d/kernel; Rescaling,
    # BatchNormalization folded into the conv before it, same padding, a channels-last Flatten.
    cnn3 = [inputs([28, 28, 1]), layer("Rescaling", "rescaling", scale=1 / 255.0, offset=0.0),
            conv("conv2d", 4, 3, "linear", "valid"),
            layer("BatchNormalization", "batch_normalization", axis=-1, epsilon=1e-3, center=True, scale=True),
            layer("Activation", "activation", activation="relu"),
            layer("MaxPooling2D", "max_pooling2d", pool_size=[2, 2], strides=[2, 2], padding="valid"),
            conv("conv2d_1", 3, 3, "tanh", "same"),
            layer("MaxPooling2D", "max_pooling2d_1", pool_size=[2, 2], strides=[2, 2], padding="valid"),
            layer("Flatten", "flatten"), layer("Dropout", "dropout", rate=0.3),
            dense("dense", 8, "leaky_relu"), dense("dense_1", 10, "softmax")]
    write_legacy("cnn-keras3.3.h5", functional("functional", cnn3, True), weights_of(cnn3), "3.3.3",
                 "{model}/{layer}/{weight}", model_name="functional")
    expected("cnn-keras3.3.h5")

    # Keras 2.x functional: Reshape of 784, conv same, BatchNormalization after a relu Dense (folded
    # into the Dense after it).
    cnn2 = [inputs([784], "input_1", keras3=False), layer("Reshape", "reshape", target_shape=[28, 28, 1]),
            conv("conv2d", 3, 5, "relu", "same"),
            layer("MaxPooling2D", "max_pooling2d", pool_size=[2, 2], strides=[2, 2], padding="valid"),
            layer("Flatten", "flatten"), dense("dense", 10, "relu"),
            layer("BatchNormalization", "batch_normalization", axis=[1], epsilon=1e-3, center=True, scale=True),
            dense("dense_1", 10, "softmax")]
    write_legacy("cnn-keras2.h5", functional("model", cnn2, False), weights_of(cnn2), "2.15.0",
                 "{layer}/{weight}:0")
    expected("cnn-keras2.h5")

    # Keras 3 .keras: Rescaling to [-1, 1] before a valid conv; layer names unlike their vars paths.
    cnnk = [inputs([28, 28, 1]), layer("Rescaling", "scale", scale=1 / 127.5, offset=-1.0),
            conv("features", 4, 3, "relu", "valid"),
            layer("MaxPooling2D", "pool", pool_size=[2, 2], strides=[2, 2], padding="valid"),
            layer("Flatten", "flatten"), dense("hidden", 8, "relu"), dense("out", 10, "softmax")]
    config = {"module": "keras", "class_name": "Sequential", "config": {"name": "sequential", "layers": cnnk}}
    config_keras = config
    weights = weights_of(cnnk)
    write_keras("cnn.keras", config, weights, "3.4.1")
    expected("cnn.keras")

    # Damaged and unsupported files.
    write_keras("no-config.keras", config, weights, "3.4.1", drop="config.json")
    with open("mlp-keras2.h5", "rb") as f:
        whole = f.read()
    with open("truncated.h5", "wb") as f:
        f.write(whole[:len(whole) // 2])
    with open("not-hdf5.h5", "w") as f:
        f.write("<html><body>Not Found</body></html>\n")
    wrong = weights_of(mlp2)
    wrong["dense"]["kernel"] = w(784, 15)
    config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": mlp2}}
    write_legacy("wrong-shape.h5", config, wrong, "2.10.0", "{layer}/{weight}:0")
    lstm = [inputs([28, 28]), layer("LSTM", "lstm", units=32), dense("dense", 10, "softmax")]
    write_legacy("unsupported-layer.h5", {"class_name": "Sequential", "config": {"name": "s", "layers": lstm}},
                 {}, "2.10.0", "{layer}/{weight}:0")
    huge = [inputs([784], "dense_input", keras3=False), dense("dense", 10 ** 9, "relu"), dense("dense_1", 10, "softmax")]
    small = weights_of(mlp2)
    write_legacy("huge-dense.h5", {"class_name": "Sequential", "config": {"name": "s", "layers": huge}}, small,
                 "2.10.0", "{layer}/{weight}:0")

    # Keras 3.0 .keras without the vars groups' name attribute: layers found by their class-named paths.
    write_keras("cnn-no-names.keras", config_keras, weights, "3.0.5", name_attribute=False)
    expected("cnn-no-names.keras")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Keras's forward pass in numpy, from a Keras file's model_config and weights alone (no Keras).

Reads a legacy HDF5 file (.h5, weights under model_weights/<layer>/..., any nesting) or a Keras 3
.keras zip (config.json + model.weights.h5, weights under layers/.../vars/<i>). Channels-last, as
Keras computes. Used by the tests to check DigitLab's import and export against numpy, and by
make_fixtures.py to compute the fixtures' expected outputs.

Command line: keras_forward.py [--strict] MODEL IMAGES.f32 COUNT
  IMAGES.f32 holds COUNT images of 784 little-endian float32 pixels in [0, 1] (pixel / 255, as the
  tutorial feeds them); a model whose first layer is a Rescaling gets the raw pixels (x 255).
  Prints a JSON list of COUNT lists of class probabilities. --strict finds a legacy file's weights
  only as keras.models.load_model does (layer_names, weight_names) and checks the root attributes.
"""
import io
import json
import re
import sys
import zipfile

import h5py
import numpy as np


def _text(value):
    return value.decode("utf8") if isinstance(value, bytes) else str(value)


def chain(config):
    """The layers of a Sequential or single-chain functional model_config, in order."""
    layers = config["config"]["layers"]
    if config["class_name"] == "Sequential":
        return layers
    by_name = {l.get("name", l["config"].get("name")): l for l in layers}
    order = [l for l in layers if l["class_name"] == "InputLayer"][:1]
    names = {order[0]["config"]["name"]}
    while len(order) < len(layers):
        nxt = [l for l in layers if l not in order and _inbound(l) in names and _inbound(l) == _name(order[-1])]
        if len(nxt) != 1:
            raise ValueError("not a chain")
        order.append(nxt[0])
        names.add(_name(nxt[0]))
    return order


def _name(layer):
    return layer.get("name", layer["config"].get("name"))


def _inbound(layer):
    nodes = layer.get("inbound_nodes") or []
    if not nodes:
        return None
    node = nodes[0]
    if isinstance(node, dict):  # Keras 3
        return node["args"][0]["config"]["keras_history"][0]
    return node[0][0]  # Keras 2


def strict_legacy_weights(h5):
    """{layer name: {role: array}} found as Keras's load_model finds them: through the layer_names
    attribute of model_weights and each layer's weight_names attribute, nothing else."""
    out = {}
    root = h5["model_weights"]
    for layer in [_text(n) for n in root.attrs["layer_names"]]:
        g = root[layer]
        names = [_text(n) for n in g.attrs["weight_names"]] if "weight_names" in g.attrs else []
        out[layer] = {n.split("/")[-1].split(":")[0]: np.array(g[n]) for n in names}
    return out


def legacy_weights(h5):
    """{layer name: {weight role: array}} from model_weights, whatever the nesting below the layer."""
    out = {}
    root = h5["model_weights"]
    for layer in root:
        found = {}

        def visit(name, obj, found=found):
            if isinstance(obj, h5py.Dataset):
                found[name.split("/")[-1].split(":")[0]] = np.array(obj)
        root[layer].visititems(visit)
        out[layer] = found
    return out


ROLES = {"Dense": ["kernel", "bias"], "Conv2D": ["kernel", "bias"],
         "BatchNormalization": ["gamma", "beta", "moving_mean", "moving_variance"]}


def keras3_weights(h5, layers):
    """{layer name: {role: array}} from a .keras file's model.weights.h5 (vars groups named by attribute)."""
    out = {}
    by_name = {_name(l): l for l in layers}
    # Without the attribute (Keras 3.0), a layer's path is its class in snake case, numbered: dense, dense_1.
    by_path, counts = {}, {}
    for l in layers:
        snake = re.sub(r"([a-z])([A-Z])", r"\1_\2", re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", l["class_name"])).lower()
        n = counts.get(snake, 0)
        counts[snake] = n + 1
        by_path[snake if n == 0 else snake + "_" + str(n)] = _name(l)

    def visit(name, obj):
        if isinstance(obj, h5py.Group) and name.split("/")[-1] == "vars" and len(obj) > 0:
            segment = name.split("/")[-2]
            layer_name = _text(obj.attrs["name"]) if "name" in obj.attrs else by_path.get(segment, segment)
            layer = by_name[layer_name]
            roles = list(ROLES[layer["class_name"]])
            cfg = layer["config"]
            if layer["class_name"] == "BatchNormalization":
                roles = [r for r in roles if (r != "gamma" or cfg.get("scale", True)) and (r != "beta" or cfg.get("center", True))]
            out[layer_name] = {roles[i]: np.array(obj[str(i)]) for i in range(len(obj))}
    h5.visititems(visit)
    return out


def load(path, strict=False):
    """(layers in order, weights by layer name, keras_version); strict: find weights as load_model does."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            config = json.loads(z.read("config.json"))
            version = json.loads(z.read("metadata.json")).get("keras_version")
            layers = chain(config)
            with h5py.File(io.BytesIO(z.read("model.weights.h5")), "r") as h5:
                return layers, keras3_weights(h5, layers), version
    with h5py.File(path, "r") as h5:
        config = json.loads(_text(h5.attrs["model_config"]))
        weights = strict_legacy_weights(h5) if strict else legacy_weights(h5)
        return chain(config), weights, _text(h5.attrs["keras_version"])


def _act(name, x):
    if isinstance(name, dict):
        name = name.get("config", name.get("class_name"))
    name = name or "linear"
    if name == "relu":
        return np.maximum(x, 0)
    if name == "elu":
        return np.where(x > 0, x, np.expm1(np.minimum(x, 0)))
    if name == "leaky_relu":
        return np.where(x > 0, x, 0.2 * x)
    if name == "sigmoid":
        return 1 / (1 + np.exp(-x))
    if name == "tanh":
        return np.tanh(x)
    if name == "softmax":
        e = np.exp(x - x.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    if name == "linear":
        return x
    raise ValueError("activation " + str(name))


def _conv(x, kernel, bias, padding):
    kh, kw, _, filters = kernel.shape
    if padding == "same":
        top, left = (kh - 1) // 2, (kw - 1) // 2
        x = np.pad(x, ((0, 0), (top, kh - 1 - top), (left, kw - 1 - left), (0, 0)))
    n, h, w, _ = x.shape
    oh, ow = h - kh + 1, w - kw + 1
    out = np.zeros((n, oh, ow, filters), dtype=x.dtype)
    for i in range(kh):
        for j in range(kw):
            out += np.tensordot(x[:, i:i + oh, j:j + ow, :], kernel[i, j], axes=([3], [0]))
    return out + (bias if bias is not None else 0)


def _pool(x, size):
    n, h, w, c = x.shape
    oh, ow = h // size, w // size
    x = x[:, :oh * size, :ow * size, :].reshape(n, oh, size, ow, size, c)
    return x.max(axis=(2, 4))


def forward(layers, weights, x, dtype=np.float64):
    """The model's output for the batch x (shaped as the model's input, batch first)."""
    x = x.astype(dtype)
    for layer in layers:
        kind, cfg = layer["class_name"], layer["config"]
        w = {k: v.astype(dtype) for k, v in weights.get(_name(layer), {}).items()}
        if kind in ("InputLayer", "Dropout"):
            continue
        if kind == "Flatten":
            x = x.reshape(x.shape[0], -1)
        elif kind == "Reshape":
            x = x.reshape((x.shape[0],) + tuple(cfg["target_shape"]))
        elif kind == "Rescaling":
            x = x * dtype(cfg["scale"]) + dtype(cfg.get("offset", 0.0))
        elif kind == "Dense":
            x = _act(cfg.get("activation"), x @ w["kernel"] + w.get("bias", 0))
        elif kind == "Conv2D":
            x = _act(cfg.get("activation"), _conv(x, w["kernel"], w.get("bias"), cfg.get("padding", "valid")))
        elif kind == "MaxPooling2D":
            x = _pool(x, cfg["pool_size"][0])
        elif kind == "Activation":
            x = _act(cfg["activation"], x)
        elif kind == "LeakyReLU":
            slope = dtype(cfg.get("negative_slope", cfg.get("alpha", 0.3)))
            x = np.where(x > 0, x, slope * x)
        elif kind == "BatchNormalization":
            eps = dtype(cfg.get("epsilon", 1e-3))
            gamma = w.get("gamma", 1)
            beta = w.get("beta", 0)
            x = (x - w["moving_mean"]) / np.sqrt(w["moving_variance"] + eps) * gamma + beta
        else:
            raise ValueError("layer " + kind)
    return x


def input_shape(layers):
    cfg = layers[0]["config"]
    shape = cfg.get("batch_shape") or cfg.get("batch_input_shape")
    return tuple(shape[1:])


def takes_raw_pixels(layers):
    return len(layers) > 1 and layers[1]["class_name"] == "Rescaling"


def probabilities(path, images, dtype=np.float64, strict=False):
    """Class probabilities for images of 784 values in [0, 1], fed as the tutorial feeds them."""
    layers, weights, _ = load(path, strict)
    x = images * 255 if takes_raw_pixels(layers) else images
    return forward(layers, weights, x.reshape((len(images),) + input_shape(layers)), dtype)


def check_root(path):
    with h5py.File(path, "r") as h5:
        for key in ("keras_version", "backend", "model_config"):
            if key not in h5.attrs:
                raise ValueError("no root attribute " + key)


if __name__ == "__main__":
    args = sys.argv[1:]
    strict = args[0] == "--strict"
    if strict:
        args = args[1:]
        check_root(args[0])
    count = int(args[2])
    pixels = np.fromfile(args[1], dtype="<f4", count=count * 784).reshape(count, 784)
    print(json.dumps(probabilities(args[0], pixels.astype(np.float64), strict=strict).tolist()))

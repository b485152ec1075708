#!/usr/bin/env python3
"""Rebuilds the gallery's two ONNX models from seeded data, training them in numpy and writing them with `onnx`.

Why: the ONNX Runtime Web pages need real, small models that really classify, and nothing may come from a model hub.

  shapes-cnn-onnx/   image classifier: [batch, 3, 32, 32] in [0, 1] -> probabilities over six coloured shapes
                     (trained on the same renderer the page draws with, exported by export-shapes.ts)
  sentiment-tiny/    transformers.js layout (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx):
                     input_ids, attention_mask, token_type_ids -> logits over NEGATIVE / POSITIVE

Usage (from the repository root):  pip install onnx numpy && python3 demos/onnx-models/make.py
Seeds are fixed and training is single-threaded float32 numpy, so a rerun on the same machine writes the same bytes;
report.json records accuracies, parameter counts and each file's SHA-256.
"""

import hashlib
import json
import os
import subprocess
import sys
import tempfile

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import onnx  # noqa: E402
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OPSET = 17
F32 = np.float32


# ---------------------------------------------------------------- shared training pieces


class Adam:
    """Adam over a dict of float32 arrays (updated in place)."""

    def __init__(self, params, lr):
        self.params, self.lr, self.t = params, lr, 0
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}

    def step(self, grads):
        self.t += 1
        b1, b2, eps = 0.9, 0.999, 1e-8
        for k, g in grads.items():
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            mh = self.m[k] / (1 - b1**self.t)
            vh = self.v[k] / (1 - b2**self.t)
            self.params[k] -= (self.lr * mh / (np.sqrt(vh) + eps)).astype(F32)


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def cross_entropy_grad(logits, labels):
    """Mean cross-entropy loss and its gradient with respect to the logits; labels are class indices, or rows of
    target probabilities (soft labels)."""
    p = softmax(logits)
    n = len(labels)
    if labels.ndim == 2:
        loss = -(labels * np.log(p + 1e-9)).sum(1).mean()
        return float(loss), ((p - labels) / n).astype(F32)
    loss = -np.log(p[np.arange(n), labels] + 1e-9).mean()
    d = p.copy()
    d[np.arange(n), labels] -= 1
    return float(loss), (d / n).astype(F32)


def he(rng, shape, fan_in):
    return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(F32)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# ---------------------------------------------------------------- image classifier (NHWC inside, NCHW in ONNX)


def im2col3(x):
    """x [N,H,W,C] -> patches [N,H,W,9*C] of a 3x3 window with zero padding 1, ordered (ky, kx, c)."""
    n, h, w, c = x.shape
    p = np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)))
    cols = [p[:, ky : ky + h, kx : kx + w, :] for ky in range(3) for kx in range(3)]
    return np.concatenate(cols, axis=3)


def col2im3(d, c):
    """Adjoint of im2col3: d [N,H,W,9*C] -> dx [N,H,W,C]."""
    n, h, w, _ = d.shape
    p = np.zeros((n, h + 2, w + 2, c), F32)
    i = 0
    for ky in range(3):
        for kx in range(3):
            p[:, ky : ky + h, kx : kx + w, :] += d[..., i * c : (i + 1) * c]
            i += 1
    return p[:, 1:-1, 1:-1, :]


def maxpool2(x):
    n, h, w, c = x.shape
    r = x.reshape(n, h // 2, 2, w // 2, 2, c)
    out = r.max(axis=(2, 4))
    mask = r == out[:, :, None, :, None, :]
    return out, mask


def maxpool2_back(d, mask):
    n, h2, _, w2, _, c = mask.shape
    g = mask * d[:, :, None, :, None, :]
    return g.reshape(n, h2 * 2, w2 * 2, c).astype(F32)


CNN_CONVS = [("conv1", 3, 16), ("conv2", 16, 32), ("conv3", 32, 48)]


def cnn_init(rng, classes):
    params = {}
    for name, cin, cout in CNN_CONVS:
        params[f"{name}.w"] = he(rng, (9 * cin, cout), 9 * cin)
        params[f"{name}.b"] = np.zeros(cout, F32)
    params["fc.w"] = (rng.standard_normal((CNN_CONVS[-1][2], classes)) * 0.1).astype(F32)
    params["fc.b"] = np.zeros(classes, F32)
    return params


def cnn_forward(params, x, keep=False):
    """conv1-relu-pool, conv2-relu-pool, conv3-relu, global average pool, fc (logits)."""
    cache = []
    h = x
    for i, (name, cin, cout) in enumerate(CNN_CONVS):
        cols = im2col3(h)
        n, hh, ww, _ = cols.shape
        z = cols.reshape(-1, 9 * cin) @ params[f"{name}.w"] + params[f"{name}.b"]
        a = np.maximum(z, 0).reshape(n, hh, ww, cout)
        step = {"cols": cols if keep else None, "a": a, "cin": cin}
        if i < 2:
            a, mask = maxpool2(a)
            step["mask"] = mask
        cache.append(step)
        h = a
    pooled = h.mean(axis=(1, 2))
    logits = pooled @ params["fc.w"] + params["fc.b"]
    return logits, (cache, h, pooled)


def cnn_backward(params, dlogits, state):
    cache, last, pooled = state
    grads = {"fc.w": pooled.T @ dlogits, "fc.b": dlogits.sum(0)}
    dpooled = dlogits @ params["fc.w"].T
    n, hh, ww, c = last.shape
    d = np.broadcast_to(dpooled[:, None, None, :] / (hh * ww), last.shape).astype(F32)
    for i in reversed(range(len(CNN_CONVS))):
        name, cin, cout = CNN_CONVS[i]
        step = cache[i]
        if "mask" in step:
            d = maxpool2_back(d, step["mask"])
        d = d * (step["a"] > 0)
        cols = step["cols"]
        n, hh, ww, _ = cols.shape
        d2 = d.reshape(-1, cout)
        grads[f"{name}.w"] = cols.reshape(-1, 9 * cin).T @ d2
        grads[f"{name}.b"] = d2.sum(0)
        if i > 0:
            d = col2im3((d2 @ params[f"{name}.w"].T).reshape(n, hh, ww, 9 * cin), cin)
    return grads


def load_shapes():
    data = tempfile.mkdtemp(prefix="literate-shapes-")
    subprocess.run(
        ["npx", "tsx", os.path.join(HERE, "export-shapes.ts"), data], cwd=REPO, check=True
    )
    meta = json.load(open(os.path.join(data, "shapes.json")))
    size = meta["size"]

    def split(name):
        x = np.fromfile(os.path.join(data, f"{name}.x.f32"), dtype="<f4").reshape(-1, size, size, 3)
        y = np.fromfile(os.path.join(data, f"{name}.y.i32"), dtype="<i4").astype(np.int64)
        return x, y

    return meta, split("train"), split("test")


def train_cnn(log):
    meta, (xs, ys), (xt, yt) = load_shapes()
    classes = meta["classes"]
    rng = np.random.default_rng(2001)
    params = cnn_init(rng, len(classes))
    opt = Adam(params, 2e-3)
    batch, epochs = 48, 14
    order_rng = np.random.default_rng(2002)
    for epoch in range(epochs):
        if epoch == 10:
            opt.lr = 5e-4
        order = order_rng.permutation(len(xs))
        total = 0.0
        for s in range(0, len(xs), batch):
            idx = order[s : s + batch]
            logits, state = cnn_forward(params, xs[idx], keep=True)
            loss, d = cross_entropy_grad(logits, ys[idx])
            opt.step(cnn_backward(params, d, state))
            total += loss * len(idx)
        acc = cnn_accuracy(params, xt, yt)
        log(f"shapes-cnn-onnx epoch {epoch + 1}/{epochs}: loss {total / len(xs):.4f}, test accuracy {acc:.3f}")
    return params, classes, cnn_accuracy(params, xt, yt), xt[:6]


def cnn_accuracy(params, x, y):
    correct = 0
    for s in range(0, len(x), 200):
        logits, _ = cnn_forward(params, x[s : s + 200])
        correct += int((logits.argmax(1) == y[s : s + 200]).sum())
    return correct / len(x)


def cnn_to_onnx(params, classes):
    """The trained CNN as an NCHW ONNX graph with meaningful node and initializer names."""
    inits, nodes = [], []
    prev = "image"
    for i, (name, cin, cout) in enumerate(CNN_CONVS):
        w = params[f"{name}.w"].reshape(3, 3, cin, cout).transpose(3, 2, 0, 1)  # (ky,kx,c,f) -> (f,c,ky,kx)
        inits += [
            numpy_helper.from_array(np.ascontiguousarray(w, F32), f"{name}.weight"),
            numpy_helper.from_array(params[f"{name}.b"], f"{name}.bias"),
        ]
        nodes.append(
            helper.make_node(
                "Conv",
                [prev, f"{name}.weight", f"{name}.bias"],
                [name],
                name=name,
                kernel_shape=[3, 3],
                pads=[1, 1, 1, 1],
                strides=[1, 1],
            )
        )
        nodes.append(helper.make_node("Relu", [name], [f"relu{i + 1}"], name=f"relu{i + 1}"))
        prev = f"relu{i + 1}"
        if i < 2:
            pool = f"pool{i + 1}"
            nodes.append(
                helper.make_node("MaxPool", [prev], [pool], name=pool, kernel_shape=[2, 2], strides=[2, 2])
            )
            prev = pool
    nodes.append(helper.make_node("GlobalAveragePool", [prev], ["global_pool"], name="global_pool"))
    nodes.append(helper.make_node("Flatten", ["global_pool"], ["features"], name="flatten", axis=1))
    inits += [
        numpy_helper.from_array(np.ascontiguousarray(params["fc.w"].T, F32), "classifier.weight"),
        numpy_helper.from_array(params["fc.b"], "classifier.bias"),
    ]
    nodes.append(
        helper.make_node("Gemm", ["features", "classifier.weight", "classifier.bias"], ["logits"], name="classifier", transB=1)
    )
    nodes.append(helper.make_node("Softmax", ["logits"], ["probabilities"], name="softmax", axis=1))
    graph = helper.make_graph(
        nodes,
        "shapes_cnn",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 3, 32, 32])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", len(classes)])],
        inits,
        doc_string="Classifies a 32x32 RGB image (NCHW, values in [0, 1]) as one of: " + ", ".join(classes),
    )
    model = helper.make_model(
        graph,
        producer_name="literate-demos",
        producer_version="1",
        opset_imports=[helper.make_opsetid("", OPSET)],
        doc_string="Literate gallery: a small CNN trained in numpy on seeded coloured shapes (demos/onnx-models/make.py)",
    )
    model.ir_version = 8
    helper.set_model_props(model, {"labels": json.dumps(classes)})
    model = onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    onnx.checker.check_model(model, full_check=True)
    return model


def make_image_model(log):
    params, classes, acc, sample = train_cnn(log)
    out = os.path.join(HERE, "shapes-cnn-onnx")
    os.makedirs(out, exist_ok=True)
    model = cnn_to_onnx(params, classes)
    onnx.save(model, os.path.join(out, "model.onnx"))
    with open(os.path.join(out, "labels.json"), "w") as f:
        json.dump(classes, f)
        f.write("\n")
    count = sum(int(v.size) for v in params.values())
    return {"test_accuracy": round(acc, 4), "parameters": count, "classes": classes}


# ---------------------------------------------------------------- text classifier (transformers.js layout)

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
POSITIVE = ["good", "great", "excellent", "wonderful", "lovely", "fun", "brilliant", "delightful", "charming",
            "enjoyable", "amazing", "beautiful", "clever", "moving", "superb"]
NEGATIVE = ["bad", "awful", "terrible", "boring", "dull", "poor", "horrible", "weak", "bland", "disappointing",
            "messy", "ugly", "tedious", "clumsy", "lifeless"]
NOUNS = ["movie", "film", "story", "acting", "music", "plot", "ending", "cast", "book", "show", "food", "service",
         "game", "song", "album", "meal", "hotel", "trip", "performance", "script"]
INTENSIFIERS = ["very", "really", "so", "quite", "truly", "extremely", "rather", "pretty"]
VERB_POS = ["loved", "liked", "enjoyed", "adored"]
VERB_NEG = ["hated", "disliked", "regretted"]
BASE_POS = ["love", "like", "enjoy", "recommend"]
BASE_NEG = ["hate", "dislike", "regret"]
FILLERS = ["the", "a", "this", "that", "was", "is", "it", "i", "did", "do", "not", "never", "and", "an", "what",
           "all", "at", "really", "one", "of", "my", "favourite", "worst", "best", ".", "!", ","]
LABELS = ["NEGATIVE", "POSITIVE"]


def vocabulary():
    words = []
    for group in (FILLERS, POSITIVE, NEGATIVE, NOUNS, INTENSIFIERS, VERB_POS, VERB_NEG, BASE_POS, BASE_NEG):
        for w in group:
            if w not in words:
                words.append(w)
    return SPECIALS + words


UNKNOWN = ["zebra", "tuesday", "blue", "quantum", "seven", "window", "river", "maybe", "table", "orange"]


def random_phrase(rng):
    """One short review and its label (1 positive, 0 negative, 0.5 neither); negation flips the label; phrases with
    no opinion word (only nouns, fillers or words outside the vocabulary, which become [UNK]) are neither."""
    pick = lambda xs: xs[int(rng.integers(len(xs)))]  # noqa: E731
    if rng.random() < 0.12:
        shape = int(rng.integers(3))
        if shape == 0:
            words = [pick(["the", "this", "that"]), pick(NOUNS)]
        elif shape == 1:
            words = [pick(["the", "this", "my"]), pick(NOUNS), pick(["was", "is"]), pick(UNKNOWN)]
        else:
            words = [pick(UNKNOWN) for _ in range(int(rng.integers(1, 4)))]
        return " ".join(words), 0.5
    positive = bool(rng.integers(2))
    adj = pick(POSITIVE if positive else NEGATIVE)
    noun = pick(NOUNS)
    det = pick(["the", "this", "that"])
    maybe_int = [pick(INTENSIFIERS)] if rng.random() < 0.4 else []
    end = [pick([".", "!"])] if rng.random() < 0.3 else []
    kind = int(rng.integers(7))
    label = positive
    if kind == 0:
        words = [det, noun, pick(["was", "is"])] + maybe_int + [adj]
    elif kind == 1:
        words = [det, noun, pick(["was", "is"]), pick(["not", "never"])] + maybe_int + [adj]
        label = not positive
    elif kind == 2:
        words = [pick(["a", "an", "what", "one"]) if rng.random() < 0.6 else det] + maybe_int + [adj, noun]
    elif kind == 3:
        words = ["i", pick(VERB_POS if positive else VERB_NEG), det, noun]
    elif kind == 4:
        words = ["i", pick(["did", "do"]), "not", pick(BASE_POS if positive else BASE_NEG), det, noun]
        label = not positive
    elif kind == 5:
        words = ["it", pick(["was", "is"])] + maybe_int + [adj]
    else:
        words = [pick(["my", "our"]), pick(["favourite", "best"]), noun] if positive else ["the", "worst", noun]
    return " ".join(words + end), float(label)


def phrases(count, seed):
    rng = np.random.default_rng(seed)
    pairs = [random_phrase(rng) for _ in range(count)]
    return [p for p, _ in pairs], np.array([l for _, l in pairs], F32)


SMOOTHING = 0.03


def soft_targets(positive):
    """Rows of [P(NEGATIVE), P(POSITIVE)] with a little label smoothing, so scores stay below certainty."""
    p = positive * (1 - 2 * SMOOTHING) + SMOOTHING
    return np.stack([1 - p, p], axis=1).astype(F32)


def tokenize(texts, vocab_index, max_len=24):
    """What the exported tokenizer.json does for these phrases: lowercase, split words and punctuation, WordPiece
    of whole words (unknown -> [UNK]), [CLS] ... [SEP], right-padded with [PAD]; attention mask 1 on real tokens."""
    rows = []
    for t in texts:
        toks = []
        for w in t.lower().replace(".", " . ").replace("!", " ! ").replace(",", " , ").split():
            toks.append(vocab_index.get(w, vocab_index["[UNK]"]))
        rows.append([vocab_index["[CLS]"]] + toks[: max_len - 2] + [vocab_index["[SEP]"]])
    width = max(len(r) for r in rows)
    ids = np.zeros((len(rows), width), np.int64)
    mask = np.zeros((len(rows), width), np.int64)
    for i, r in enumerate(rows):
        ids[i, : len(r)] = r
        mask[i, : len(r)] = 1
    return ids, mask


TEXT_DIM, TEXT_HIDDEN, TEXT_KERNEL = 16, 32, 3


def text_forward(p, ids, mask):
    """Embedding (+ token type 0) -> causal 3-token convolution + ReLU -> masked mean -> linear logits."""
    e = p["word"][ids] + p["type"][0]  # [B,T,D]
    b, t, d = e.shape
    padded = np.concatenate([np.zeros((b, TEXT_KERNEL - 1, d), F32), e], axis=1)
    window = np.concatenate([padded[:, k : k + t, :] for k in range(TEXT_KERNEL)], axis=2)  # [B,T,K*D], k=0 oldest
    z = window @ p["conv.w"] + p["conv.b"]  # [B,T,H]
    a = np.maximum(z, 0)
    m = mask.astype(F32)[:, :, None]
    count = np.maximum(m.sum(1), 1.0)
    pooled = (a * m).sum(1) / count
    logits = pooled @ p["fc.w"] + p["fc.b"]
    return logits, (ids, window, a, m, count, pooled)


def text_backward(p, d, state):
    ids, window, a, m, count, pooled = state
    g = {"fc.w": pooled.T @ d, "fc.b": d.sum(0)}
    dpooled = d @ p["fc.w"].T
    da = (dpooled / count)[:, None, :] * m
    dz = da * (a > 0)
    b, t, h = dz.shape
    g["conv.w"] = window.reshape(-1, window.shape[2]).T @ dz.reshape(-1, h)
    g["conv.b"] = dz.sum((0, 1))
    dwin = dz @ p["conv.w"].T  # [B,T,K*D]
    de = np.zeros((b, t + TEXT_KERNEL - 1, TEXT_DIM), F32)
    for k in range(TEXT_KERNEL):
        de[:, k : k + t, :] += dwin[:, :, k * TEXT_DIM : (k + 1) * TEXT_DIM]
    de = de[:, TEXT_KERNEL - 1 :, :]
    gw = np.zeros_like(p["word"])
    np.add.at(gw, ids, de)
    g["word"] = gw
    g["type"] = np.zeros_like(p["type"])
    g["type"][0] = de.sum((0, 1))
    return g


def train_text(log):
    vocab = vocabulary()
    index = {w: i for i, w in enumerate(vocab)}
    texts, labels = phrases(6000, 3001)
    test_texts, test_labels = phrases(1500, 3002)
    rng = np.random.default_rng(3003)
    p = {
        "word": (rng.standard_normal((len(vocab), TEXT_DIM)) * 0.3).astype(F32),
        "type": (rng.standard_normal((2, TEXT_DIM)) * 0.02).astype(F32),
        "conv.w": he(rng, (TEXT_KERNEL * TEXT_DIM, TEXT_HIDDEN), TEXT_KERNEL * TEXT_DIM),
        "conv.b": np.zeros(TEXT_HIDDEN, F32),
        "fc.w": (rng.standard_normal((TEXT_HIDDEN, 2)) * 0.1).astype(F32),
        "fc.b": np.zeros(2, F32),
    }
    opt = Adam(p, 5e-3)
    order_rng = np.random.default_rng(3004)
    batch, epochs = 32, 12
    for epoch in range(epochs):
        order = order_rng.permutation(len(texts))
        total = 0.0
        for s in range(0, len(texts), batch):
            idx = order[s : s + batch]
            ids, mask = tokenize([texts[i] for i in idx], index)
            logits, state = text_forward(p, ids, mask)
            loss, d = cross_entropy_grad(logits, soft_targets(labels[idx]))
            opt.step(text_backward(p, d, state))
            total += loss * len(idx)
        ids, mask = tokenize(test_texts, index)
        opinion = test_labels != 0.5
        predicted = text_forward(p, ids, mask)[0].argmax(1)
        acc = float((predicted[opinion] == test_labels[opinion]).mean())
        log(f"sentiment-tiny epoch {epoch + 1}/{epochs}: loss {total / len(texts):.4f}, test accuracy {acc:.3f}")
    return p, vocab, acc


def text_to_onnx(p, vocab):
    const = lambda name, value: numpy_helper.from_array(np.asarray(value), name)  # noqa: E731
    # ONNX Conv weight [H, D, K]: kernel tap k looks at token t - (K - 1 - k), matching the numpy window order.
    conv_w = p["conv.w"].reshape(TEXT_KERNEL, TEXT_DIM, TEXT_HIDDEN).transpose(2, 1, 0)
    inits = [
        numpy_helper.from_array(p["word"], "embeddings.word_embeddings.weight"),
        numpy_helper.from_array(p["type"], "embeddings.token_type_embeddings.weight"),
        numpy_helper.from_array(np.ascontiguousarray(conv_w, F32), "encoder.conv.weight"),
        numpy_helper.from_array(p["conv.b"], "encoder.conv.bias"),
        numpy_helper.from_array(np.ascontiguousarray(p["fc.w"].T, F32), "classifier.weight"),
        numpy_helper.from_array(p["fc.b"], "classifier.bias"),
        const("axis_sequence", np.array([1], np.int64)),
        const("axis_channels_last", np.array([2], np.int64)),
        const("one", np.array(1.0, F32)),
    ]
    nodes = [
        helper.make_node("Gather", ["embeddings.word_embeddings.weight", "input_ids"], ["word_vectors"], name="word_embeddings"),
        helper.make_node("Gather", ["embeddings.token_type_embeddings.weight", "token_type_ids"], ["type_vectors"], name="token_type_embeddings"),
        helper.make_node("Add", ["word_vectors", "type_vectors"], ["embedded"], name="embeddings_add"),
        helper.make_node("Transpose", ["embedded"], ["embedded_channels_first"], name="to_channels_first", perm=[0, 2, 1]),
        helper.make_node(
            "Conv", ["embedded_channels_first", "encoder.conv.weight", "encoder.conv.bias"], ["conv"],
            name="encoder_conv", kernel_shape=[TEXT_KERNEL], pads=[TEXT_KERNEL - 1, 0], strides=[1],
        ),
        helper.make_node("Relu", ["conv"], ["relu"], name="encoder_relu"),
        helper.make_node("Transpose", ["relu"], ["token_features"], name="to_channels_last", perm=[0, 2, 1]),
        helper.make_node("Cast", ["attention_mask"], ["mask_float"], name="mask_to_float", to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_float", "axis_channels_last"], ["mask_expanded"], name="mask_expand"),
        helper.make_node("Mul", ["token_features", "mask_expanded"], ["masked_features"], name="mask_apply"),
        helper.make_node("ReduceSum", ["masked_features", "axis_sequence"], ["feature_sum"], name="pool_sum", keepdims=0),
        helper.make_node("ReduceSum", ["mask_float", "axis_sequence"], ["token_count"], name="pool_count", keepdims=1),
        helper.make_node("Max", ["token_count", "one"], ["token_count_safe"], name="pool_count_at_least_one"),
        helper.make_node("Div", ["feature_sum", "token_count_safe"], ["pooled"], name="pool_mean"),
        helper.make_node("Gemm", ["pooled", "classifier.weight", "classifier.bias"], ["logits"], name="classifier", transB=1),
    ]
    ids = lambda name: helper.make_tensor_value_info(name, TensorProto.INT64, ["batch_size", "sequence_length"])  # noqa: E731
    graph = helper.make_graph(
        nodes,
        "sentiment_tiny",
        [ids("input_ids"), ids("attention_mask"), ids("token_type_ids")],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch_size", 2])],
        inits,
        doc_string="Sentiment of a short English phrase: logits over NEGATIVE, POSITIVE",
    )
    model = helper.make_model(
        graph,
        producer_name="literate-demos",
        producer_version="1",
        opset_imports=[helper.make_opsetid("", OPSET)],
        doc_string="Literate gallery: word embeddings, a 3-token convolution and masked mean pooling, trained in numpy (demos/onnx-models/make.py)",
    )
    model.ir_version = 8
    model = onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    onnx.checker.check_model(model, full_check=True)
    return model


def tokenizer_json(vocab):
    """A Hugging Face tokenizers file for a lowercasing BERT WordPiece tokenizer over our whole-word vocabulary."""
    special = lambda i, w: {"id": i, "content": w, "single_word": False, "lstrip": False, "rstrip": False,  # noqa: E731
                            "normalized": False, "special": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [special(i, w) for i, w in enumerate(SPECIALS)],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {w: {"id": w, "ids": [vocab.index(w)], "tokens": [w]} for w in ("[CLS]", "[SEP]")},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": {w: i for i, w in enumerate(vocab)}},
    }


def make_text_model(log):
    p, vocab, acc = train_text(log)
    out = os.path.join(HERE, "sentiment-tiny")
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    onnx.save(text_to_onnx(p, vocab), os.path.join(out, "onnx", "model.onnx"))
    config = {
        "_name_or_path": "literate/sentiment-tiny",
        "architectures": ["BertForSequenceClassification"],
        "model_type": "bert",
        "vocab_size": len(vocab),
        "hidden_size": TEXT_DIM,
        "num_hidden_layers": 1,
        "num_attention_heads": 1,
        "intermediate_size": TEXT_HIDDEN,
        "max_position_embeddings": 64,
        "type_vocab_size": 2,
        "pad_token_id": 0,
        "problem_type": "single_label_classification",
        "id2label": {str(i): l for i, l in enumerate(LABELS)},
        "label2id": {l: i for i, l in enumerate(LABELS)},
    }
    tok_config = {
        "tokenizer_class": "BertTokenizer",
        "do_lower_case": True,
        "model_max_length": 64,
        "cls_token": "[CLS]",
        "sep_token": "[SEP]",
        "pad_token": "[PAD]",
        "unk_token": "[UNK]",
        "mask_token": "[MASK]",
        "clean_up_tokenization_spaces": True,
    }
    for name, value in (("config.json", config), ("tokenizer.json", tokenizer_json(vocab)),
                        ("tokenizer_config.json", tok_config)):
        with open(os.path.join(out, name), "w") as f:
            json.dump(value, f, indent=1, ensure_ascii=True)
            f.write("\n")
    count = sum(int(v.size) for v in p.values())
    return {"test_accuracy": round(acc, 4), "parameters": count, "vocabulary": len(vocab), "labels": LABELS}


def main():
    log = lambda s: print(s, flush=True)  # noqa: E731
    which = sys.argv[1:] or ["image", "text"]
    report_path = os.path.join(HERE, "report.json")
    report = json.load(open(report_path)) if os.path.exists(report_path) else {}
    if "image" in which:
        report["shapes-cnn-onnx"] = make_image_model(log)
    if "text" in which:
        report["sentiment-tiny"] = make_text_model(log)
    files = {}
    for folder in ("shapes-cnn-onnx", "sentiment-tiny"):
        for root, _, names in os.walk(os.path.join(HERE, folder)):
            for n in sorted(names):
                path = os.path.join(root, n)
                files[os.path.relpath(path, HERE)] = {"bytes": os.path.getsize(path), "sha256": sha256(path)}
    report["files"] = dict(sorted(files.items()))
    report["versions"] = {"onnx": onnx.__version__, "numpy": np.__version__, "opset": OPSET}
    with open(report_path, "w") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    log(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

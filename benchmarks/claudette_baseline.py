"""The plain LexGLUE TF-IDF+SVM recipe on the CLAUDETTE validation split: the honest reference.

Word 1-3-grams, stop words, min_df=5, TF-IDF, one LinearSVC per label; settings chosen by
document-grouped 5-fold CV on train (and, as LexGLUE did, on validation). Needs the `train`
extra (scikit-learn). Reads ../shared/data; exits cleanly when it is absent.

    .venv/bin/python benchmarks/claudette_baseline.py
"""
import os
from pathlib import Path

DATA = Path(os.environ.get("TRACKER_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "data/claudette/unfair_tos_trainval.jsonl"
if not DATA.exists():
    raise SystemExit(f"skipped: {DATA} is absent")
import json, itertools, numpy as np, sys
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer, ENGLISH_STOP_WORDS
from sklearn.svm import LinearSVC
from sklearn.pipeline import Pipeline
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.metrics import f1_score, precision_recall_fscore_support
try:
    from nltk.corpus import stopwords; SW = stopwords.words('english'); print("nltk stopwords")
except Exception:
    SW = list(ENGLISH_STOP_WORDS); print("sklearn stopwords (nltk unavailable)")
rows=[json.loads(l) for l in open(DATA)]
L=['a','ch','cr','j','law','ltd','ter','use']
tr=[r for r in rows if r['split']=='train']; va=[r for r in rows if r['split']=='validation']
Y=lambda rs: np.array([[l in r['labels'] for l in L] for r in rs],dtype=int)
ytr,yva=Y(tr),Y(va); g=[r['doc'] for r in tr]
def pipe(mf,C,loss): return Pipeline([('v',CountVectorizer(stop_words=SW,ngram_range=(1,3),min_df=5,max_features=mf)),('t',TfidfTransformer()),('c',LinearSVC(C=C,loss=loss,max_iter=50000,random_state=1))])
def macro(y,p,zero=False):
    if zero:
        y=np.c_[y,y.sum(1)==0]; p=np.c_[p,p.sum(1)==0]
    return f1_score(y,p,average='macro',zero_division=0)
Xtr=[r['text'] for r in tr]; Xva=[r['text'] for r in va]
def fitpred(params, Xa, ya, Xb):
    P=[]
    for j in range(len(L)):
        m=pipe(*params).fit(Xa,ya[:,j]); P.append(m.predict(Xb))
    return np.array(P).T
# grouped CV on train for grid
best=None
for params in itertools.product([10000,20000,40000],[0.1,1,10],['hinge','squared_hinge']):
    P=np.zeros_like(ytr)
    for a,b in GroupKFold(5).split(Xtr,groups=g):
        P[b]=fitpred(params,[Xtr[i] for i in a],ytr[a],[Xtr[i] for i in b])
    s=macro(ytr,P); print(params, f"cv8 {s*100:.1f}", flush=True)
    if best is None or s>best[0]: best=(s,params)
for name,params in [("cv-tuned",best[1]),("defaults C=1 sq-hinge 20k",(20000,1,'squared_hinge'))]:
    P=fitpred(params,Xtr,ytr,Xva)
    p,r,f,_=precision_recall_fscore_support(yva,P,zero_division=0)
    print(name,params,f"val macro8 {macro(yva,P)*100:.1f}  macro9(with zero class, LexGLUE style) {macro(yva,P,True)*100:.1f}")
    print("  ", " ".join(f"{l}:{x*100:.1f}" for l,x in zip(L,f)))
# val-tuned (as LexGLUE did) for reference
vbest=None
for params in itertools.product([10000,20000,40000],[0.1,1,10],['hinge','squared_hinge']):
    P=fitpred(params,Xtr,ytr,Xva); s=macro(yva,P,True)
    if vbest is None or s>vbest[0]: vbest=(s,params,macro(yva,P))
print("LexGLUE protocol (tuned on validation!):",vbest[1],f"macro9 {vbest[0]*100:.1f} macro8 {vbest[2]*100:.1f}")

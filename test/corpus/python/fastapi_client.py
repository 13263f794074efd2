# Corpus file: written for the scanner tests, modelled on FastAPI services with a Posthog client
# instance and the 6.0+ capture(event, distinct_id=...) signature. No third-party code is copied.
from fastapi import FastAPI, Request
from posthog import Posthog

posthog = Posthog("phc_example", host="https://us.i.posthog.com")
app = FastAPI()


@app.post("/documents")
async def create_document(request: Request):
    body = await request.json()
    posthog.capture("document_created", distinct_id=body["user_id"], properties={"size": len(body["text"])})  # @ph event document_created
    return {"ok": True}


@app.get("/search")
async def search(q: str, user_id: str):
    if posthog.feature_enabled("semantic-search", user_id):  # @ph flag semantic-search
        posthog.capture("semantic_search_used", distinct_id=user_id)  # @ph event semantic_search_used
    posthog.capture(event="search_performed", distinct_id=user_id)  # @ph event search_performed
    posthog.capture(f"search_{q[:10]}", distinct_id=user_id)
    return {"results": []}


@app.on_event("shutdown")
def shutdown():
    posthog.shutdown()

package org.liaison.article.extract;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An article to extract exchanges from: the request of POST /api/articles/extract and /api/articles. */
@RegisterForReflection
public record ArticleInput(String url, String outlet, String published, String language, String title, String text) {
}

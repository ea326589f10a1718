# Sourced by the bench scripts: writes need a bearer token (issue 16). Makes a key pair of the
# run's own in $1, points the service at its public key (issuer liaison-bench), and sets AUTH to
# the header of an admin token signed with it, as the README's self-hosting section does
# (openssl only). Feeds are turned off: a bench polls nothing.
bench_token() { # directory
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1/token-key.pem" 2>/dev/null
  openssl pkey -in "$1/token-key.pem" -pubout -out "$1/token-key.pub.pem"
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$1/token-key.pub.pem" MP_JWT_VERIFY_ISSUER=liaison-bench LIAISON_FEEDS_ENABLED=false
  local now h p
  b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  now=$(date +%s)
  h=$(printf '{"alg":"RS256","typ":"JWT"}' | b64)
  p=$(printf '{"iss":"liaison-bench","aud":"liaison","sub":"bench","groups":["admin"],"iat":%d,"exp":%d}' "$now" $((now + 86400)) | b64)
  AUTH="Authorization: Bearer $h.$p.$(printf %s "$h.$p" | openssl dgst -sha256 -sign "$1/token-key.pem" | b64)"
}

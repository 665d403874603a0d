# Environment shared by the CI lanes (sourced).
export PAKAURA_TEST_DATABASE_URL=${PAKAURA_TEST_DATABASE_URL:-postgres://pakaura:pakaura-ci@127.0.0.1:5432/pakaura_test}
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}

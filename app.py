"""netmap's dashboard: `uv run streamlit run app.py`.

A router only: the shared sidebar (views/_state.py), then one page per file in views/.
"""

import streamlit as st

from views import _state

#: Page files in views/ (also their URL paths) and their titles. No page icons: Streamlit
#: fetches Material icons from fonts.gstatic.com, and the dashboard must work offline.
PAGES = [
    ("overview", "page.overview"),
    ("map", "page.map"),
    ("key_actors", "page.key_actors"),
    ("conveners", "page.conveners"),
    ("gaps", "page.gaps"),
    ("data", "page.data"),
]

st.set_page_config(page_title="netmap", layout="wide")
try:
    ctx = _state.sidebar()
    st.navigation(
        [
            st.Page(f"views/{name}.py", title=ctx.t(title), url_path=name, default=i == 0)
            for i, (name, title) in enumerate(PAGES)
        ]
    ).run()
except Exception as err:  # the last line of defence: a message for the user, not a traceback
    _state.show_failure(err)

"""netmap's dashboard: `uv run streamlit run app.py`.

A router only: the shared sidebar (views/_state.py), then one page per file in views/.
"""

import streamlit as st

from views import _state

PAGES = [
    ("overview", "page.overview", ":material/dashboard:"),
    ("map", "page.map", ":material/hub:"),
    ("key_actors", "page.key_actors", ":material/star:"),
    ("conveners", "page.conveners", ":material/campaign:"),
    ("gaps", "page.gaps", ":material/link_off:"),
    ("data", "page.data", ":material/table_view:"),
]

st.set_page_config(page_title="netmap", layout="wide")
try:
    ctx = _state.sidebar()
    st.navigation(
        [
            st.Page(
                f"views/{name}.py", title=ctx.t(title), icon=icon, url_path=name, default=i == 0
            )
            for i, (name, title, icon) in enumerate(PAGES)
        ]
    ).run()
except Exception as err:  # the last line of defence: a message for the user, not a traceback
    _state.show_failure(err)

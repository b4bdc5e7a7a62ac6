import {Bare_comp_2ac9660884b2210868fcbd9599287c23_34a5b847,Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_34a5b847,Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_34a5b847,Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_34a5b847,Bare_comp_8551595a87bd9cdceca1cab96cea66fa_34a5b847,Bare_comp_b15558058a4646cb1520a83afe311077_34a5b847,Bare_comp_bbad709d622f92b84a40e56c1e6fb877_34a5b847,Bare_comp_c48a2bf020a7b51b5975b5c1fc3078fd_34a5b847,Bare_comp_c81839c1da5da9830202f435139fd3a2_34a5b847,Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_34a5b847,Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_34a5b847,Doctitle_doctitle_12b8a73b597f0f7b6944cf34ae89ba92_34a5b847,Nav_nav_786403967867f586857bf3561239637b_34a5b847,Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_34a5b847} from "$/app_components/pwa/pages/offline_screens"
import {UpdatePrompt} from "$/public/pwa_ui.jsx"
import {Link as ReactRouterLink} from "react-router"
import {CardScreen,OfflineBanner,SyncAgent} from "$/public/records_ui.jsx"
import {Fragment,useEffect,useRef} from "react"
import {refs} from "$/utils/state"
import {jsx} from "@emotion/react"





function Component() {
const ref_main = useRef(null); refs["ref_main"] = ref_main;

  return (
    jsx(Fragment,{},jsx("div",{className:"shell"},jsx(Doctitle_doctitle_12b8a73b597f0f7b6944cf34ae89ba92_34a5b847,{},),jsx(UpdatePrompt,{},),jsx(Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_34a5b847,{},),jsx(ReactRouterLink,{className:"skip",to:"#main"},jsx(Bare_comp_bbad709d622f92b84a40e56c1e6fb877_34a5b847,{},)),jsx("header",{className:"topbar"},jsx("div",{className:"brand"},jsx("span",{"aria-hidden":"true",className:"brand-mark"},"BHXH"),jsx("div",{},jsx("span",{className:"brand-name"},jsx(Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_34a5b847,{},)),jsx("h1",{className:"page-title"},jsx(Bare_comp_c48a2bf020a7b51b5975b5c1fc3078fd_34a5b847,{},)))),jsx("label",{className:"lang"},jsx("span",{className:"sr-only"},jsx(Bare_comp_8551595a87bd9cdceca1cab96cea66fa_34a5b847,{},)),jsx(Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_34a5b847,{},jsx(Bare_comp_b15558058a4646cb1520a83afe311077_34a5b847,{},)))),jsx(SyncAgent,{},),jsx(OfflineBanner,{},),jsx("main",{className:"content",id:"main",ref:ref_main,tabIndex:-1},jsx(CardScreen,{},)),jsx(Nav_nav_786403967867f586857bf3561239637b_34a5b847,{},jsx(ReactRouterLink,{className:"nav-item",to:"/"},jsx("span",{"aria-hidden":"true",className:"nav-icon"},"\u2302"),jsx("span",{},jsx(Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_34a5b847,{},))),jsx(ReactRouterLink,{"aria-current":"page",className:"nav-item active",to:"/card"},jsx("span",{"aria-hidden":"true",className:"nav-icon"},"\u25a3"),jsx("span",{},jsx(Bare_comp_c81839c1da5da9830202f435139fd3a2_34a5b847,{},))),jsx(ReactRouterLink,{className:"nav-item",to:"/history"},jsx("span",{"aria-hidden":"true",className:"nav-icon"},"\u2630"),jsx("span",{},jsx(Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_34a5b847,{},))),jsx(ReactRouterLink,{className:"nav-item",to:"/lookup"},jsx("span",{"aria-hidden":"true",className:"nav-icon"},"\u2315"),jsx("span",{},jsx(Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_34a5b847,{},))),jsx(ReactRouterLink,{className:"nav-item",to:"/profile"},jsx("span",{"aria-hidden":"true",className:"nav-icon"},"\u25c9"),jsx("span",{},jsx(Bare_comp_2ac9660884b2210868fcbd9599287c23_34a5b847,{},))))),jsx("title",{},"BHXH s\u1ed1"),jsx("meta",{content:"favicon.ico",property:"og:image"},))
  )
}
Component.displayName = "Component(card)";

export default Component;
